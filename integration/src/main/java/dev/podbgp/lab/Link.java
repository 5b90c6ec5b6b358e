package dev.podbgp.lab;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;

/**
 * A veth pair between two nodes, addressed from the lab's plan: link {@code i} (1-based) gets
 * 10.77.i.1/24 + fd00:77:i::1/64 on side A and .2 / ::2 on side B. The addresses exist only
 * inside the two namespaces, so the plan can repeat across labs running at the same time.
 */
public record Link(Node a, Node b, String aInterface, String bInterface,
                   IpAddress a4, IpAddress b4, IpAddress a6, IpAddress b6) {

    /** The address {@code node} has on this link. */
    public IpAddress address(Node node, AddressFamily family) {
        boolean isA = side(node);
        return family == AddressFamily.IPV4 ? (isA ? a4 : b4) : (isA ? a6 : b6);
    }

    /** The address of the node at the other end, seen from {@code node}. */
    public IpAddress peerAddress(Node node, AddressFamily family) {
        return address(node == a ? b : a, family);
    }

    private boolean side(Node node) {
        if (node != a && node != b) {
            throw new IllegalArgumentException(node + " is not on link " + this);
        }
        return node == a;
    }

    @Override
    public String toString() {
        return a.label() + ":" + aInterface + " " + a4 + " " + a6 + " <-> " + b.label() + ":" + bInterface + " " + b4
                + " " + b6;
    }
}
