package dev.podbgp.fib.writer;

/**
 * The tag the writer puts on each kernel request and reads back with its answer. Bit 62 marks
 * an IPv6 route, bit 61 a deletion, bit 60 a nexthop object; the low 60 bits are the family's
 * route key ({@link RouteKeys}).
 */
final class RequestTag {

    static final long IPV6 = 1L << 62;
    static final long DELETE = 1L << 61;
    static final long NEXTHOP = 1L << 60;
    private static final long KEY = NEXTHOP - 1;

    private RequestTag() {}

    static long key(long tag) {
        return tag & KEY;
    }

    static boolean isIpv6(long tag) {
        return (tag & IPV6) != 0;
    }

    static boolean isDelete(long tag) {
        return (tag & DELETE) != 0;
    }

    static boolean isNexthop(long tag) {
        return (tag & NEXTHOP) != 0;
    }
}
