package dev.podbgp.daemon.control;

import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonValue;
import java.util.List;

/**
 * One BGP neighbor as {@code podbgp show neighbors} prints it.
 *
 * @param address       the peer's IP address
 * @param asn           the peer's AS number (configured, or learned from its OPEN)
 * @param state         the RFC 4271 FSM state name: Idle, Connect, Active, OpenSent, OpenConfirm, Established
 * @param uptimeSeconds seconds in the current state
 * @param received      prefixes received (Adj-RIB-In, before import policy)
 * @param accepted      prefixes accepted by import policy
 * @param advertised    prefixes advertised to the peer (Adj-RIB-Out)
 * @param lastError     the last NOTIFICATION or connection error, empty if none
 * @param bfd           the BFD session's state (RFC 5880 §4.1: AdminDown, Down, Init, Up), empty without BFD
 * @param bfdFlaps      times the BFD session left Up
 * @param nextHops      our next hops on the session: IPv4, IPv6 global, IPv6 link-local, those we have
 * @param noNextHop     families the session negotiated with no next hop of ours: our routes of those are not sent
 * @param dynamicRange  the listen range a dynamic neighbour connected from; empty for a configured peer
 */
public record NeighborView(String address, long asn, String state, long uptimeSeconds, long received,
        long accepted, long advertised, String lastError, String bfd, long bfdFlaps, List<String> nextHops,
        List<String> noNextHop, String dynamicRange) {

    public NeighborView {
        nextHops = List.copyOf(nextHops);
        noNextHop = List.copyOf(noNextHop);
    }

    /** A configured peer's view. */
    public NeighborView(String address, long asn, String state, long uptimeSeconds, long received, long accepted,
            long advertised, String lastError, String bfd, long bfdFlaps, List<String> nextHops, List<String> noNextHop) {
        this(address, asn, state, uptimeSeconds, received, accepted, advertised, lastError, bfd, bfdFlaps, nextHops,
                noNextHop, "");
    }

    /** The control socket's and {@code -o json}'s form: one member per component, named after it. */
    public JsonObject toJson() {
        return JsonObject.builder().put("address", address).put("asn", asn).put("state", state)
                .put("uptimeSeconds", uptimeSeconds).put("received", received).put("accepted", accepted)
                .put("advertised", advertised).put("lastError", lastError).put("bfd", bfd).put("bfdFlaps", bfdFlaps)
                .put("nextHops", nextHops).put("noNextHop", noNextHop).put("dynamicRange", dynamicRange).build();
    }

    /** Reads {@link #toJson()}'s form; a member missing or of another type is a {@code JsonException}. */
    public static NeighborView fromJson(JsonValue json) {
        JsonObject o = ViewJson.object(json, "neighbor");
        return new NeighborView(o.requireString("address"), o.requireLong("asn"), o.requireString("state"),
                o.requireLong("uptimeSeconds"), o.requireLong("received"), o.requireLong("accepted"),
                o.requireLong("advertised"), o.requireString("lastError"), o.requireString("bfd"),
                o.requireLong("bfdFlaps"), o.requireStrings("nextHops"), o.requireStrings("noNextHop"),
                o.requireString("dynamicRange"));
    }
}
