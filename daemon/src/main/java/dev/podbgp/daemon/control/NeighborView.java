package dev.podbgp.daemon.control;

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
 * @param dynamicRange  the listen range a dynamic neighbour connected from; empty for a configured peer
 */
public record NeighborView(String address, long asn, String state, long uptimeSeconds, long received,
        long accepted, long advertised, String lastError, String bfd, long bfdFlaps, String dynamicRange) {

    /** A configured peer's view. */
    public NeighborView(String address, long asn, String state, long uptimeSeconds, long received, long accepted,
            long advertised, String lastError, String bfd, long bfdFlaps) {
        this(address, asn, state, uptimeSeconds, received, accepted, advertised, lastError, bfd, bfdFlaps, "");
    }
}
