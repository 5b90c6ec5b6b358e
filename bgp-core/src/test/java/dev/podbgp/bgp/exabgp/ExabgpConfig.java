package dev.podbgp.bgp.exabgp;

/** ExaBGP 4.2 configuration text for the oracle and the live capture. */
final class ExabgpConfig {
    private ExabgpConfig() {}

    /**
     * The one neighbor {@code --decode} takes its context from. ExaBGP builds both OPENs from
     * this same block, so a capability counts as negotiated only if the block enables it in both
     * directions: ADD-PATH needs {@code send/receive} ({@code receive} alone decodes no path IDs),
     * and it then applies to every family. {@code local-address} is mandatory.
     */
    static String decodeNeighbor(OracleContext c, boolean addPath) {
        StringBuilder sb = new StringBuilder();
        OracleNeighbor n = c.neighbor();
        sb.append("neighbor ").append(n.peerAddress()).append(" {\n");
        sb.append("  router-id 192.0.2.254;\n");
        sb.append("  local-address ").append(n.localAddress()).append(";\n");
        sb.append("  local-as ").append(n.localAs()).append(";\n");
        sb.append("  peer-as ").append(n.peerAs()).append(";\n");
        sb.append("  capability {\n");
        sb.append("    asn4 ").append(c.fourOctetAs() ? "enable" : "disable").append(";\n");
        sb.append("    add-path ").append(addPath ? "send/receive" : "disable").append(";\n");
        if (c.extendedNextHop()) {
            sb.append("    nexthop enable;\n");
        }
        sb.append("  }\n");
        sb.append("  family {\n");
        c.families().stream().map(Object::toString).sorted()
                .forEach(f -> sb.append("    ").append(f).append(";\n"));
        sb.append("  }\n");
        if (c.extendedNextHop()) {
            // RFC 8950: without this, a 16-octet next hop for IPv4 unicast is refused
            // ("invalid ipv4 unicast next-hop length 16 expected 4").
            sb.append("  nexthop {\n    ipv4 unicast ipv6;\n  }\n");
        }
        sb.append("}\n");
        return sb.toString();
    }
}
