package dev.podbgp.fib.writer;

import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.route.RouteWriter;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IPv6 prefixes do not fit a {@code long}, so each one the writer holds gets a small number,
 * given back by {@link #release} and handed out again: the numbers stay as few as the routes.
 * Producers number prefixes while the writer thread reads them back, so every method locks.
 */
final class Ipv6RouteKeys implements RouteKeys {

    private final Map<Ipv6Prefix, Integer> numbers = new HashMap<>();
    private final List<Ipv6Prefix> prefixes = new ArrayList<>();
    private int[] free = new int[16];
    private int freeCount;

    @Override
    public int family() {
        return Rtnetlink.AF_INET6;
    }

    @Override
    public long tagBit() {
        return RequestTag.IPV6;
    }

    @Override
    public synchronized long keyOf(Prefix prefix) {
        Ipv6Prefix p = (Ipv6Prefix) prefix;
        Integer known = numbers.get(p);
        if (known != null) {
            return known;
        }
        int number;
        if (freeCount > 0) {
            number = free[--freeCount];
            prefixes.set(number, p);
        } else {
            number = prefixes.size();
            prefixes.add(p);
        }
        numbers.put(p, number);
        return number;
    }

    @Override
    public synchronized long existingKey(Prefix prefix) {
        Integer known = numbers.get((Ipv6Prefix) prefix);
        return known == null ? -1 : known;
    }

    @Override
    public synchronized Prefix prefix(long key) {
        return prefixes.get((int) key);
    }

    @Override
    public boolean numbered() {
        return true;
    }

    /** Gives {@code key} back; a key that is not handed out (released twice) is left alone. */
    @Override
    public synchronized void release(long key) {
        Ipv6Prefix p = prefixes.get((int) key);
        if (p == null) {
            return;
        }
        numbers.remove(p);
        prefixes.set((int) key, null);
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = (int) key;
    }

    /** Prefixes numbered now (for tests: the numbers do not outlive the routes). */
    synchronized int size() {
        return numbers.size();
    }

    @Override
    public void replace(RouteWriter writer, long key, NextHop nextHop, long tag) throws IOException {
        Ipv6Prefix p = (Ipv6Prefix) prefix(key);
        writer.replaceIpv6(p.high(), p.low(), p.length(), nextHop, tag);
    }

    @Override
    public void delete(RouteWriter writer, long key, long tag) throws IOException {
        Ipv6Prefix p = (Ipv6Prefix) prefix(key);
        writer.deleteIpv6(p.high(), p.low(), p.length(), tag);
    }
}
