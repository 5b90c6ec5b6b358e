package dev.podbgp.config;

/** Which AS a dynamic neighbour's OPEN may carry ({@code dynamicPeers[].peerAs}). */
public sealed interface PeerAsSpec {

    /** An AS this spec admits, standing for the peer's until its OPEN tells (defaults, logs). */
    long representative(long localAs);

    /** {@code peerAs: 65001}. */
    record Exactly(long asn) implements PeerAsSpec {
        @Override
        public long representative(long localAs) {
            return asn;
        }

        @Override
        public String toString() {
            return Long.toString(asn);
        }
    }

    /** {@code peerAs: "65001-65010"}, both ends included. */
    record Range(long first, long last) implements PeerAsSpec {
        public Range {
            if (first > last) {
                throw new IllegalArgumentException("AS range " + first + "-" + last + " is empty");
            }
        }

        @Override
        public long representative(long localAs) {
            return first;
        }

        @Override
        public String toString() {
            return first + "-" + last;
        }
    }

    /** {@code peerAs: external}: any AS but the node's. */
    record External() implements PeerAsSpec {
        @Override
        public long representative(long localAs) {
            return localAs == 1 ? 2 : 1;
        }

        @Override
        public String toString() {
            return "external";
        }
    }
}
