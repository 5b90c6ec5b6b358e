package dev.podbgp.config;

/** The TTL discipline of a peer's TCP connection. */
public sealed interface TtlSpec {
    /** The system default TTL; no check on what arrives. */
    record SystemDefault() implements TtlSpec {
    }

    /** RFC 5082 GTSM: send with TTL 255 and accept only packets from at most {@code hops} routers away (1..254). */
    record Gtsm(int hops) implements TtlSpec {
        public Gtsm {
            if (hops < 1 || hops > 254) {
                throw new IllegalArgumentException("GTSM hops " + hops + " is outside 1..254");
            }
        }
    }

    /** eBGP multihop: send with TTL {@code hops} (1..255). */
    record Multihop(int hops) implements TtlSpec {
        public Multihop {
            if (hops < 1 || hops > 255) {
                throw new IllegalArgumentException("multihop TTL " + hops + " is outside 1..255");
            }
        }
    }

    TtlSpec SYSTEM_DEFAULT = new SystemDefault();
}
