package dev.podbgp.nd;

/** Told, on the discovery thread, about each neighbour heard and about a link it cannot work on. */
public interface NeighborListener {

    /** A valid advertisement from {@code neighbor}: called for every one, the caller keeps what it needs. */
    void heard(LinkNeighbor neighbor);

    /** The link cannot be used now (no such interface, a socket error); discovery retries by itself. */
    void unavailable(String interfaceName, String reason);
}
