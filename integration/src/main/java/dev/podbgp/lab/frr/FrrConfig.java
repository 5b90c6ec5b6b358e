package dev.podbgp.lab.frr;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import java.util.ArrayList;
import java.util.List;

/** frr.conf text (zebra + bgpd read the same file) and the vtysh lines that change it at run time. */
final class FrrConfig {
    private FrrConfig() {}

    static final String BFD_PROFILE = "pbt";

    static String render(PeerConfig c, String hostname, String logFile) {
        StringBuilder sb = new StringBuilder();
        // datacenter: short advertisement interval and timers by default; must precede "router bgp".
        sb.append("frr defaults datacenter\n");
        sb.append("hostname ").append(hostname).append('\n');
        sb.append("log file ").append(logFile).append(" informational\n!\n");
        for (Route r : c.routes()) {
            routeMap(r).forEach(l -> sb.append(l).append('\n'));
        }
        c.bfd().ifPresent(b -> sb.append("bfd\n profile ").append(BFD_PROFILE).append('\n')
                .append("  transmit-interval ").append(b.txMillis()).append('\n')
                .append("  receive-interval ").append(b.rxMillis()).append('\n')
                .append("  detect-multiplier ").append(b.multiplier()).append('\n')
                // No "exit": bgpd does not know the bfd node, and an exit there would leave configuration mode.
                .append("!\n"));
        sb.append("router bgp ").append(c.localAs()).append('\n');
        sb.append(" bgp router-id ").append(c.routerId()).append('\n');
        // eBGP routes flow without route-maps (RFC 8212 is FRR's default otherwise).
        sb.append(" no bgp ebgp-requires-policy\n");
        // Originate "network" routes without a matching IGP route in zebra.
        sb.append(" no bgp network import-check\n");
        sb.append(" no bgp default ipv4-unicast\n");
        sb.append(" timers bgp 1 3\n");
        if (c.gracefulRestart()) {
            // F=1 for every family: zebra keeps bgpd's kernel routes while bgpd restarts.
            sb.append(" bgp graceful-restart\n");
            sb.append(" bgp graceful-restart preserve-fw-state\n");
        }
        for (Neighbor n : c.neighbors()) {
            String a = n.address().toString();
            sb.append(" neighbor ").append(a).append(" remote-as ").append(n.as()).append('\n');
            sb.append(" neighbor ").append(a).append(" update-source ").append(n.localAddress()).append('\n');
            sb.append(" neighbor ").append(a).append(" timers connect 1\n");
            if (c.bfd().isPresent()) {
                // bgpd asks bfdd (through zebra) for a session to the neighbor, with the profile's timers.
                sb.append(" neighbor ").append(a).append(" bfd\n");
                sb.append(" neighbor ").append(a).append(" bfd profile ").append(BFD_PROFILE).append('\n');
            }
            n.password().ifPresent(p -> sb.append(" neighbor ").append(a).append(" password ").append(p).append('\n'));
            if (n.passive()) {
                sb.append(" neighbor ").append(a).append(" passive\n");
            }
        }
        for (AddressFamily f : AddressFamily.values()) {
            sb.append(" address-family ").append(afi(f)).append(" unicast\n");
            for (Neighbor n : c.neighbors()) {
                if (n.families().contains(f)) {
                    sb.append("  neighbor ").append(n.address()).append(" activate\n");
                    if (!c.isExternal(n)) {
                        sb.append("  neighbor ").append(n.address()).append(" next-hop-self\n");
                    }
                }
            }
            for (Route r : c.routes()) {
                if (r.prefix().family() == f) {
                    sb.append("  ").append(network(r)).append('\n');
                }
            }
            sb.append(" exit-address-family\n");
        }
        return sb.append("!\n").toString();
    }

    static String afi(AddressFamily f) {
        return f == AddressFamily.IPV4 ? "ipv4" : "ipv6";
    }

    /** One route-map per originated route carries its attributes. */
    static List<String> routeMap(Route r) {
        if (r.nextHop().isPresent()) {
            throw new IllegalArgumentException("the FRR fixture originates with next-hop self only: " + r);
        }
        List<String> l = new ArrayList<>();
        l.add("route-map " + routeMapName(r.prefix()) + " permit 10");
        r.med().ifPresent(m -> l.add(" set metric " + m));
        r.localPref().ifPresent(p -> l.add(" set local-preference " + p));
        if (!r.communities().isEmpty()) {
            l.add(" set community " + String.join(" ", r.communities().stream().map(Object::toString).toList()));
        }
        if (!r.asPath().isEmpty()) {
            l.add(" set as-path prepend " + String.join(" ", r.asPath().stream().map(Object::toString).toList()));
        }
        l.add("exit");
        return l;
    }

    static String network(Route r) {
        return "network " + r.prefix() + " route-map " + routeMapName(r.prefix());
    }

    static String routeMapName(Prefix p) {
        return "pbt-" + p.toString().replace('/', '-').replace(':', '_');
    }
}
