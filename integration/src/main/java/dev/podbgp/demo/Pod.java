package dev.podbgp.demo;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Node;

/** A pod: its own network namespace and the address host-local gave its eth0. */
public record Pod(Node namespace, IpAddress address) {
    @Override
    public String toString() {
        return namespace.name() + " (" + address + ")";
    }
}
