package dev.podbgp.bfd.transport;

/**
 * What one session has seen since it was added.
 *
 * @param packetsIn  Control packets demultiplexed to the session, accepted or not
 * @param packetsOut Control packets the socket took
 * @param discarded  of {@code packetsIn}, those the session refused (authentication, AdminDown, ...)
 * @param flaps      times the session left Up
 * @param sendErrors Control packets the socket refused (no route, interface down, ...)
 */
public record SessionCounters(long packetsIn, long packetsOut, long discarded, long flaps, long sendErrors) {
}
