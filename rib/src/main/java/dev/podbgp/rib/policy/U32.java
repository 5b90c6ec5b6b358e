package dev.podbgp.rib.policy;

/** Range check for the unsigned 32-bit numbers of BGP (AS numbers, LOCAL_PREF, MED, large communities). */
final class U32 {

    private U32() {
    }

    static long check(long value, String what) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0..4294967295");
        }
        return value;
    }
}
