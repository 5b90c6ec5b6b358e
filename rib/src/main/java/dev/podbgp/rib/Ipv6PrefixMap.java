package dev.podbgp.rib;

import dev.podbgp.inet.Ipv6Prefix;
import java.util.HashMap;
import java.util.function.BiConsumer;

/**
 * The IPv6 prefix table. A plain map of records for now: the design load is 200k IPv6 routes,
 * a fifth of the IPv4 table, and a 129-bit key does not fit a primitive slot as neatly.
 *
 * @param <V> the value type
 */
public final class Ipv6PrefixMap<V> {

    private final HashMap<Ipv6Prefix, V> map = new HashMap<>();

    public int size() {
        return map.size();
    }

    public V get(Ipv6Prefix prefix) {
        return map.get(prefix);
    }

    public V put(Ipv6Prefix prefix, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        return map.put(prefix, value);
    }

    public V remove(Ipv6Prefix prefix) {
        return map.remove(prefix);
    }

    public void forEach(BiConsumer<? super Ipv6Prefix, ? super V> visitor) {
        map.forEach(visitor);
    }
}
