package dev.podbgp.lab.bird;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import java.util.List;

/** bird.conf for a {@link PeerConfig}; routes are static blackholes, attributes set on export. */
final class BirdConfig {
    private BirdConfig() {}

    static String protocolName(int neighborIndex) {
        return "n" + (neighborIndex + 1);
    }

    static String render(PeerConfig c, List<Route> routes, String logFile) {
        StringBuilder sb = new StringBuilder();
        sb.append("log \"").append(logFile).append("\" all;\n");
        sb.append("router id ").append(c.routerId()).append(";\n");
        sb.append("protocol device { scan time 1; }\n");
        c.bfd().ifPresent(b -> {
            // A BFD session per neighbor, whether or not a BGP session asks for one (BIRD shares them).
            sb.append("protocol bfd {\n  interface \"*\" {\n    min rx interval ").append(b.rxMillis())
                    .append(" ms;\n    min tx interval ").append(b.txMillis()).append(" ms;\n    multiplier ")
                    .append(b.multiplier()).append(";\n  };\n");
            for (Neighbor n : c.neighbors()) {
                sb.append("  neighbor ").append(n.address()).append(" local ").append(n.localAddress()).append(";\n");
            }
            sb.append("}\n");
        });
        for (AddressFamily f : AddressFamily.values()) {
            String v = f == AddressFamily.IPV4 ? "4" : "6";
            sb.append("protocol static s").append(v).append(" {\n  ipv").append(v).append(";\n");
            routes.stream().filter(r -> r.prefix().family() == f)
                    .forEach(r -> sb.append("  route ").append(r.prefix()).append(" blackhole;\n"));
            sb.append("}\n");
        }
        // BIRD sends MED to an eBGP neighbor only when the export filter set it (proto/bgp/attrs.c),
        // so every attribute of an originated route is set here rather than in the static route.
        sb.append("filter pbt_export {\n");
        for (Route r : routes) {
            sb.append("  if net = ").append(r.prefix()).append(" then {\n");
            if (r.nextHop().isPresent()) {
                throw new IllegalArgumentException("the BIRD fixture originates with next-hop self only: " + r);
            }
            r.med().ifPresent(m -> sb.append("    bgp_med = ").append(m).append(";\n"));
            r.localPref().ifPresent(p -> sb.append("    bgp_local_pref = ").append(p).append(";\n"));
            r.communities().forEach(cm -> sb.append("    bgp_community.add((").append(cm.asn()).append(',')
                    .append(cm.value()).append("));\n"));
            // prepend puts each AS first: walk the path backwards. BIRD adds its own AS after the filter.
            for (int i = r.asPath().size() - 1; i >= 0; i--) {
                sb.append("    bgp_path.prepend(").append(r.asPath().get(i)).append(");\n");
            }
            sb.append("  }\n");
        }
        sb.append("  accept;\n}\n");
        for (int i = 0; i < c.neighbors().size(); i++) {
            Neighbor n = c.neighbors().get(i);
            sb.append("protocol bgp ").append(protocolName(i)).append(" {\n");
            sb.append("  local ").append(n.localAddress()).append(" as ").append(c.localAs()).append(";\n");
            sb.append("  neighbor ").append(n.address()).append(" as ").append(n.as()).append(";\n");
            n.password().ifPresent(p -> sb.append("  password \"").append(p).append("\";\n"));
            if (n.passive()) {
                sb.append("  passive on;\n");
            }
            // Short timers keep lab tests fast; connect delay defaults to 5 s.
            sb.append("  hold time 3;\n  keepalive time 1;\n  connect retry time 1;\n  connect delay time 1;\n");
            sb.append("  error wait time 1, 2;\n");
            if (c.bfd().isPresent()) {
                sb.append("  bfd on;\n");
            }
            // BIRD 2.0 shows no End-of-RIB in "show protocols all"; its packet trace logs
            // "Got END-OF-RIB", which is how BirdPeer.endOfRibsReceived sees the peer's.
            sb.append("  debug { states, events, packets };\n");
            for (AddressFamily f : n.families()) {
                sb.append("  ipv").append(f == AddressFamily.IPV4 ? "4" : "6")
                        .append(" { import all; export filter pbt_export; next hop self; };\n");
            }
            sb.append("}\n");
        }
        return sb.toString();
    }
}
