package dev.podbgp.fib.writer;

import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.route.RouteWriter;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import java.io.IOException;

/** IPv4 routes are keyed by their packed prefix ({@link Ipv4Prefix#pack}): nothing to number or allocate. */
final class Ipv4RouteKeys implements RouteKeys {

    @Override
    public int family() {
        return Rtnetlink.AF_INET;
    }

    @Override
    public long tagBit() {
        return 0;
    }

    @Override
    public long keyOf(Prefix prefix) {
        return ((Ipv4Prefix) prefix).toLong();
    }

    @Override
    public long existingKey(Prefix prefix) {
        return keyOf(prefix);
    }

    @Override
    public Prefix prefix(long key) {
        return Ipv4Prefix.fromLong(key);
    }

    @Override
    public boolean numbered() {
        return false;
    }

    @Override
    public void release(long key) {}

    @Override
    public void replace(RouteWriter writer, long key, NextHop nextHop, long tag) throws IOException {
        writer.replaceIpv4(bits(key), length(key), nextHop, tag);
    }

    @Override
    public void delete(RouteWriter writer, long key, long tag) throws IOException {
        writer.deleteIpv4(bits(key), length(key), tag);
    }

    private static int bits(long key) {
        return (int) (key >>> 8);
    }

    private static int length(long key) {
        return (int) (key & 0xff);
    }
}
