package dev.podbgp.k8s.ipam;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a Service may hold an address together with others: only with Services carrying the
 * same {@code podbgp.dev/allow-shared-ip} key, and only when no port is claimed twice (the address
 * and port together must still name one Service).
 *
 * @param key   the sharing key; absent: the Service shares with nobody
 * @param ports {@code protocol/port}, e.g. {@code TCP/443}
 */
public record Sharing(Optional<String> key, Set<String> ports) {
    public static final Sharing NONE = new Sharing(Optional.empty(), Set.of());

    public Sharing {
        ports = Set.copyOf(ports);
    }

    public boolean compatibleWith(Sharing other) {
        return key.isPresent() && key.equals(other.key) && Collections.disjoint(ports, other.ports);
    }
}
