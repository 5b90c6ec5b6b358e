package dev.podbgp.bgp.exabgp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One BGP message as the RECEIVER ExaBGP reported it: the raw octets from its {@code packets}
 * line and the parsed JSON line that follows it (volatile keys removed).
 *
 * @param type   ExaBGP's {@code type}: open, update, keepalive, notification
 * @param header the 19-octet header, upper-case hex
 * @param body   the body after the header, upper-case hex (empty for KEEPALIVE)
 */
public record ReceivedMessage(String type, String header, String body, JsonNode parsed) {

    /** The full message as it crossed the wire. */
    public String hex() {
        return header + body;
    }

    public boolean isEor(String afi) {
        JsonNode eor = parsed.path("neighbor").path("message").path("eor");
        return eor.isObject() && eor.path("afi").asText().equals(afi);
    }
}
