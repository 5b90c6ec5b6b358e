package dev.podbgp.rib;

import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv4PrefixMap;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.util.function.BiConsumer;

/**
 * One value per prefix of either family: IPv4 in the primitive-keyed {@link Ipv4PrefixMap}, IPv6
 * in {@link Ipv6PrefixMap}. Storing null removes. The Loc-RIB and the pre-policy store of soft
 * reconfiguration both keep their entries here.
 *
 * @param <V> the value type
 */
final class PrefixTable<V> {

    private Ipv4PrefixMap<V> ipv4 = new Ipv4PrefixMap<>();
    private Ipv6PrefixMap<V> ipv6 = new Ipv6PrefixMap<>();

    V get(Prefix prefix) {
        return switch (prefix) {
            case Ipv4Prefix p -> ipv4.get(p.toLong());
            case Ipv6Prefix p -> ipv6.get(p);
        };
    }

    /** Sets the prefix's value; {@code null} removes the prefix. */
    void set(Prefix prefix, V value) {
        switch (prefix) {
            case Ipv4Prefix p -> {
                if (value == null) {
                    ipv4.remove(p.toLong());
                } else {
                    ipv4.put(p.toLong(), value);
                }
            }
            case Ipv6Prefix p -> {
                if (value == null) {
                    ipv6.remove(p);
                } else {
                    ipv6.put(p, value);
                }
            }
        }
    }

    int size() {
        return ipv4.size() + ipv6.size();
    }

    /**
     * Gives back the IPv4 slots that growth by doubling left unused ({@link Ipv4PrefixMap#trimToSize()}); cheap
     * when there are none. The IPv6 map is a {@link java.util.HashMap}, whose entries, not its table, are its cost.
     */
    void trimToSize() {
        ipv4.trimToSize();
    }

    void clear() {
        ipv4 = new Ipv4PrefixMap<>();
        ipv6 = new Ipv6PrefixMap<>();
    }

    /** IPv4 first; IPv4 keys become Prefix objects here, so hot paths use {@link #forEachIpv4Key}. */
    void forEach(BiConsumer<Prefix, V> visitor) {
        ipv4.forEach((key, v) -> visitor.accept(Ipv4Prefix.fromLong(key), v));
        ipv6.forEach(visitor::accept);
    }

    /** The IPv4 entries by packed key ({@link Ipv4Prefix#toLong()}), allocating nothing per entry. */
    void forEachIpv4Key(Ipv4PrefixMap.EntryVisitor<? super V> visitor) {
        ipv4.forEach(visitor);
    }

    void forEachIpv6(BiConsumer<? super Ipv6Prefix, ? super V> visitor) {
        ipv6.forEach(visitor);
    }
}
