package dev.podbgp.rib.policy;

import dev.podbgp.bgp.wire.attr.LargeCommunities;

/** One RFC 8092 large community, {@code global:local1:local2}, each part unsigned 32 bits. */
public record LargeCommunity(long global, long local1, long local2) {

    public LargeCommunity {
        U32.check(global, "large community part");
        U32.check(local1, "large community part");
        U32.check(local2, "large community part");
    }

    public static LargeCommunity parse(String text) {
        String[] p = text.split(":", -1);
        if (p.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not a large community (a:b:c)");
        }
        return new LargeCommunity(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
    }

    boolean in(LargeCommunities attribute) {
        if (attribute == null) {
            return false;
        }
        for (int i = 0; i < attribute.size(); i++) {
            if (attribute.get(i, 0) == global && attribute.get(i, 1) == local1 && attribute.get(i, 2) == local2) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return global + ":" + local1 + ":" + local2;
    }
}
