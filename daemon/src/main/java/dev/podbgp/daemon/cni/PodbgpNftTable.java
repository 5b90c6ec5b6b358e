package dev.podbgp.daemon.cni;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code inet podbgp} nftables table as an {@code nft -f} script: one transaction that
 * creates the table if missing, deletes it and defines it again, so applying is idempotent, an
 * older version of our rules never lingers, and no reader sees a half-built table. Nothing
 * outside this table is named.
 *
 * <ul>
 *   <li>{@code forward} (filter hook): accepts forwarded packets from or to the cluster pod CIDRs.
 *   In nftables an accept ends only this base chain; a drop in another table on the same hook
 *   (e.g. an iptables FORWARD policy of DROP) still drops, and opening that is the operator's
 *   call. The counters show whether pod traffic reaches the hook.</li>
 *   <li>{@code postrouting} (nat hook): masquerades packets from the cluster pod CIDRs to any
 *   address outside them, so pods reach the world with the node's address while pod-to-pod
 *   traffic, on this node or across nodes, keeps its source (that is what the BGP routes are
 *   for). Traffic to the node itself (the bridge gateway) is delivered locally and never passes
 *   postrouting.</li>
 * </ul>
 *
 * @param clusterPodCidrs every pod CIDR of the cluster (all nodes), both families
 */
public record PodbgpNftTable(List<Prefix> clusterPodCidrs) {
    public static final String FAMILY = "inet";
    public static final String NAME = "podbgp";

    public PodbgpNftTable {
        if (clusterPodCidrs.isEmpty()) {
            throw new IllegalArgumentException("the cluster needs at least one pod CIDR");
        }
        clusterPodCidrs = outermost(clusterPodCidrs);
    }

    /** A script that removes the table if present and does nothing otherwise. */
    public static String deleteScript() {
        return "table " + FAMILY + " " + NAME + "\n" + "delete table " + FAMILY + " " + NAME + "\n";
    }

    /** The full apply script. */
    public String script() {
        StringBuilder s = new StringBuilder(deleteScript());
        s.append("table ").append(FAMILY).append(' ').append(NAME).append(" {\n");
        List<String> forward = new ArrayList<>();
        List<String> nat = new ArrayList<>();
        for (AddressFamily f : AddressFamily.values()) {
            List<Prefix> cidrs = clusterPodCidrs.stream().filter(p -> p.family() == f).toList();
            if (cidrs.isEmpty()) {
                continue; // nft refuses an empty element list
            }
            String set = f == AddressFamily.IPV4 ? "cluster4" : "cluster6";
            String type = f == AddressFamily.IPV4 ? "ipv4_addr" : "ipv6_addr";
            String proto = f == AddressFamily.IPV4 ? "ip" : "ip6";
            s.append("\tset ").append(set).append(" {\n")
                    .append("\t\ttype ").append(type).append("\n")
                    .append("\t\tflags interval\n")
                    .append("\t\telements = { ")
                    .append(cidrs.stream().map(Prefix::toString).collect(Collectors.joining(", ")))
                    .append(" }\n")
                    .append("\t}\n");
            forward.add(proto + " saddr @" + set + " counter accept");
            forward.add(proto + " daddr @" + set + " counter accept");
            nat.add(proto + " saddr @" + set + " " + proto + " daddr != @" + set + " counter masquerade");
        }
        chain(s, "forward", "type filter hook forward priority filter; policy accept;", forward);
        chain(s, "postrouting", "type nat hook postrouting priority srcnat; policy accept;", nat);
        s.append("}\n");
        return s.toString();
    }

    private static void chain(StringBuilder s, String name, String hook, List<String> rules) {
        s.append("\tchain ").append(name).append(" {\n\t\t").append(hook).append('\n');
        for (String r : rules) {
            s.append("\t\t").append(r).append('\n');
        }
        s.append("\t}\n");
    }

    /**
     * Sorted, without duplicates and without prefixes inside another one: an interval set
     * refuses overlapping elements, and a covered prefix adds nothing.
     */
    private static List<Prefix> outermost(List<Prefix> cidrs) {
        List<Prefix> sorted = cidrs.stream().distinct().sorted().toList();
        List<Prefix> out = new ArrayList<>();
        for (Prefix p : sorted) {
            if (sorted.stream().noneMatch(q -> !q.equals(p) && q.contains(p))) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}
