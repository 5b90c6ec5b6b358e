package dev.podbgp.bgp.exabgp;

import com.fasterxml.jackson.databind.JsonNode;

/** What ExaBGP made of one input message, at the input's position in the batch. */
public sealed interface OracleResult {

    int index();

    /**
     * ExaBGP printed one {@code update json} line for the message.
     *
     * @param line the JSON text as printed (keeps duplicate keys, e.g. two {@code "aggregator"})
     * @param json the parsed line without {@code time}, {@code host}, {@code pid}, {@code ppid},
     *             {@code counter}; on duplicate keys the last wins, as in Python's json module
     */
    record Decoded(int index, String line, JsonNode json) implements OracleResult {
        /** The {@code neighbor.message} object: {@code {"update": ...}} or {@code {"eor": ...}}. */
        public JsonNode message() {
            return json.path("neighbor").path("message");
        }
    }

    /** ExaBGP printed "could not parse the message"; {@code reason} is the exception's last line. */
    record Refused(int index, String reason) implements OracleResult {}
}
