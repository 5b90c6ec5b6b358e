package dev.podbgp.demo;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Node;
import java.util.List;

/** A pod: its own network namespace and the addresses host-local gave its eth0, one per podCIDR family. */
public record Pod(Node namespace, List<IpAddress> addresses) {
    public Pod {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a pod without an address in " + namespace.name());
        }
    }

    /** The first address host-local gave it: the one of the first podCIDR. */
    public IpAddress address() {
        return addresses.getFirst();
    }

    /** Its address of {@code family}. */
    public IpAddress address(AddressFamily family) {
        return addresses.stream().filter(a -> a.family() == family).findFirst()
                .orElseThrow(() -> new IllegalStateException(this + " has no " + family + " address"));
    }

    @Override
    public String toString() {
        return namespace.name() + " " + addresses;
    }
}
