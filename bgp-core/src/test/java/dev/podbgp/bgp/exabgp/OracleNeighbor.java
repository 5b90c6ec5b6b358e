package dev.podbgp.bgp.exabgp;

/**
 * The neighbor envelope ExaBGP prints around every message under {@code --decode}: its
 * {@code "address"} and {@code "asn"} objects are copied verbatim from the configured
 * neighbor ({@code local-address}, the neighbor IP, {@code local-as}, {@code peer-as}).
 * Our renderer must be handed the same four values to produce the same envelope.
 */
public record OracleNeighbor(String localAddress, String peerAddress, long localAs, long peerAs) {

    /** The neighbor used when a test does not care. */
    public static final OracleNeighbor DEFAULT = new OracleNeighbor("127.0.0.1", "127.0.0.2", 65000, 65001);
}
