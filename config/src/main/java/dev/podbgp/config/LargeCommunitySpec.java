package dev.podbgp.config;

/** An RFC 8092 large community {@code global:local1:local2}, 32 bits each. */
public record LargeCommunitySpec(long global, long local1, long local2) {
    public LargeCommunitySpec {
        if ((global | local1 | local2) >>> 32 != 0 || global < 0 || local1 < 0 || local2 < 0) {
            throw new IllegalArgumentException("large community parts are 0..4294967295");
        }
    }

    public static LargeCommunitySpec parse(String text) {
        String[] p = text.split(":", -1);
        if (p.length != 3 || !Numbers.isDigits(p[0]) || !Numbers.isDigits(p[1]) || !Numbers.isDigits(p[2])) {
            throw new IllegalArgumentException("'" + text + "' is not a large community (global:local1:local2)");
        }
        long g = Numbers.parse(p[0]);
        long a = Numbers.parse(p[1]);
        long b = Numbers.parse(p[2]);
        if (g > 0xFFFF_FFFFL || a > 0xFFFF_FFFFL || b > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("'" + text + "' has a part above 4294967295");
        }
        return new LargeCommunitySpec(g, a, b);
    }

    @Override
    public String toString() {
        return global + ":" + local1 + ":" + local2;
    }
}
