package dev.podbgp.lab;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import java.util.List;
import java.util.Map;

/**
 * Three or more nodes on one segment: a switch node holding a Linux bridge, one veth from each
 * member into it. LAN {@code j} (1-based) gives member {@code k} (0-based) 10.78.j.(k+1)/24 and
 * fd00:78:j::(k+1)/64.
 */
public record Lan(Node switchNode, List<Node> members, String memberInterface,
                  Map<Node, IpAddress> ipv4, Map<Node, IpAddress> ipv6) {

    public IpAddress address(Node node, AddressFamily family) {
        IpAddress a = (family == AddressFamily.IPV4 ? ipv4 : ipv6).get(node);
        if (a == null) {
            throw new IllegalArgumentException(node + " is not on this LAN");
        }
        return a;
    }
}
