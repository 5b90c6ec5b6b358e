package dev.podbgp.lab.frr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Json;
import dev.podbgp.lab.Node;
import java.util.List;

/**
 * FRR as a top-of-rack router with BGP unnumbered on some of its interfaces
 * ({@code neighbor IFNAME interface remote-as external}): bgpd has zebra send router advertisements
 * there, learns each neighbour's link-local address from the neighbour's advertisements, and
 * negotiates RFC 8950 so IPv4 travels over IPv6 next hops. zebra installs what it learns.
 * See docs/unnumbered.md.
 */
public final class UnnumberedFrr {

    private final Node node;
    private final NamespaceFrr runtime;

    private UnnumberedFrr(Node node, NamespaceFrr runtime) {
        this.node = node;
        this.runtime = runtime;
        node.lab().addDiagnostics("FRR unnumbered on " + node.name(), this::logs);
    }

    /**
     * @param passive   FRR waits for the nodes to connect ({@code neighbor IFNAME passive})
     * @param originate IPv4 prefixes FRR announces itself
     */
    public static UnnumberedFrr start(Node node, long as, Ipv4Address routerId, List<String> interfaces, boolean passive,
            List<Prefix> originate) {
        String conf = render(node.label(), as, routerId, interfaces, passive, originate);
        return new UnnumberedFrr(node, NamespaceFrr.start(node, log -> conf.replace("LOGFILE", log), false));
    }

    static String render(String hostname, long as, Ipv4Address routerId, List<String> interfaces, boolean passive,
            List<Prefix> originate) {
        StringBuilder sb = new StringBuilder("frr defaults datacenter\nhostname ").append(hostname)
                .append("\nlog file LOGFILE informational\n!\n");
        sb.append("router bgp ").append(as).append('\n');
        sb.append(" bgp router-id ").append(routerId).append('\n');
        sb.append(" no bgp ebgp-requires-policy\n no bgp network import-check\n no bgp default ipv4-unicast\n");
        sb.append(" timers bgp 1 3\n");
        for (String i : interfaces) {
            sb.append(" neighbor ").append(i).append(" interface remote-as external\n");
            sb.append(" neighbor ").append(i).append(" timers connect 1\n");
            if (passive) {
                sb.append(" neighbor ").append(i).append(" passive\n");
            }
        }
        for (String afi : List.of("ipv4", "ipv6")) {
            sb.append(" address-family ").append(afi).append(" unicast\n");
            for (String i : interfaces) {
                sb.append("  neighbor ").append(i).append(" activate\n");
            }
            if (afi.equals("ipv4")) {
                originate.forEach(p -> sb.append("  network ").append(p).append('\n'));
            }
            sb.append(" exit-address-family\n");
        }
        return sb.append("!\n").toString();
    }

    public Node node() {
        return node;
    }

    public String vtysh(String... commands) {
        return runtime.vtysh(List.of(commands));
    }

    /** FRR's view of the session on {@code interfaceName} ({@code show bgp neighbors IFNAME json}). */
    public JsonNode neighbor(String interfaceName) {
        return Json.parse(vtysh("show bgp neighbors " + interfaceName + " json")).path(interfaceName);
    }

    /** "Established", "Active", ... or "" before bgpd knows the neighbour. */
    public String state(String interfaceName) {
        return neighbor(interfaceName).path("bgpState").asText("");
    }

    /** {@code show bgp ipv4 unicast PREFIX json}: FRR's paths to a prefix. */
    public JsonNode ipv4Route(Prefix prefix) {
        return Json.parse(vtysh("show bgp ipv4 unicast " + prefix + " json"));
    }

    public void stop() {
        runtime.stop();
    }

    public String logs() {
        return runtime.logs();
    }
}
