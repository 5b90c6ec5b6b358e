package dev.podbgp.bgp.session;

/**
 * Which AS a peer may announce in its OPEN (RFC 4271 §6.2: anything else is Bad Peer AS). A configured peer has
 * one AS; a peer accepted from a listen range (a dynamic neighbour) may be any AS of a range, or any external one.
 */
public sealed interface PeerAsRule {

    /** Whether a peer announcing {@code asn} is acceptable to a speaker in {@code localAs}. */
    boolean accepts(long asn, long localAs);

    /** An AS this rule accepts, for a session whose peer AS is not known before its OPEN (logs, the FSM's defaults). */
    long representative(long localAs);

    /** Only {@code asn}: a configured peer. */
    record Exactly(long asn) implements PeerAsRule {
        public Exactly {
            checkAs(asn);
        }

        @Override
        public boolean accepts(long peer, long localAs) {
            return peer == asn;
        }

        @Override
        public long representative(long localAs) {
            return asn;
        }

        @Override
        public String toString() {
            return Long.toString(asn);
        }
    }

    /** Any AS from {@code first} to {@code last}, both included. */
    record Range(long first, long last) implements PeerAsRule {
        public Range {
            checkAs(first);
            checkAs(last);
            if (first > last) {
                throw new IllegalArgumentException("AS range " + first + "-" + last + " is empty");
            }
        }

        @Override
        public boolean accepts(long peer, long localAs) {
            return peer >= first && peer <= last;
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

    /** Any AS but our own: every session it admits is external (RFC 4271 §3). */
    record External() implements PeerAsRule {
        @Override
        public boolean accepts(long peer, long localAs) {
            return peer != localAs;
        }

        @Override
        public long representative(long localAs) {
            return localAs == 1 ? 2 : 1;
        }

        @Override
        public String toString() {
            return "external";
        }
    }

    static PeerAsRule exactly(long asn) {
        return new Exactly(asn);
    }

    private static void checkAs(long asn) {
        // RFC 7607 §2: AS 0 must not be used.
        if (asn <= 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS " + asn + " is outside 1..4294967295");
        }
    }
}
