package dev.podbgp.k8s.mapping;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What podbgp reads from one Node, parsed; unparsable parts are left out and reported.
 *
 * @param asn         from the annotation, empty when absent or invalid
 * @param role        route-reflector role from the annotation
 * @param clusterId   from the annotation (servers only)
 * @param routerId    from the annotation
 * @param extraPeers  from the annotation, {@code address=asn} pairs
 */
public record NodeView(String name, List<Prefix> podCidrs, List<IpAddress> internalIps, Map<String, String> labels,
                       OptionalLong asn, RrRole role, Optional<Ipv4Address> clusterId, Optional<Ipv4Address> routerId,
                       List<ExtraPeer> extraPeers) {

    /** The node's place in the automatic node peering. */
    public enum RrRole { NONE, SERVER, CLIENT }

    /** An external peer given by annotation. */
    public record ExtraPeer(IpAddress address, long asn) {
    }

    public NodeView {
        podCidrs = List.copyOf(podCidrs);
        internalIps = List.copyOf(internalIps);
        labels = Map.copyOf(labels);
        extraPeers = List.copyOf(extraPeers);
    }

    public static NodeView of(Node node, List<Problem> problems) {
        String name = node.getMetadata().getName();
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        Map<String, String> ann = node.getMetadata().getAnnotations() == null ? Map.of() : node.getMetadata().getAnnotations();
        Fields f = new Fields("Node", name, problems);

        List<String> cidrTexts = new ArrayList<>();
        if (node.getSpec() != null && node.getSpec().getPodCIDRs() != null && !node.getSpec().getPodCIDRs().isEmpty()) {
            cidrTexts.addAll(node.getSpec().getPodCIDRs());
        } else if (node.getSpec() != null && node.getSpec().getPodCIDR() != null) {
            // Clusters older than dual-stack (before 1.16) fill only the singular field.
            cidrTexts.add(node.getSpec().getPodCIDR());
        }
        List<Prefix> cidrs = new ArrayList<>();
        for (int i = 0; i < cidrTexts.size(); i++) {
            f.prefix("spec.podCIDRs[" + i + "]", cidrTexts.get(i)).ifPresent(cidrs::add);
        }
        List<IpAddress> ips = new ArrayList<>();
        if (node.getStatus() != null && node.getStatus().getAddresses() != null) {
            for (NodeAddress a : node.getStatus().getAddresses()) {
                if ("InternalIP".equals(a.getType())) {
                    f.address("status.addresses[InternalIP]", a.getAddress()).ifPresent(ips::add);
                }
            }
        }
        OptionalLong asn = ann.containsKey(Annotations.ASN)
                ? f.asn(annotation(Annotations.ASN), ann.get(Annotations.ASN)) : OptionalLong.empty();
        RrRole role = RrRole.NONE;
        String roleText = ann.get(Annotations.ROUTE_REFLECTOR);
        if (roleText != null) {
            switch (roleText.trim()) {
                case "server" -> role = RrRole.SERVER;
                case "client" -> role = RrRole.CLIENT;
                default -> f.problem(annotation(Annotations.ROUTE_REFLECTOR), "'" + roleText + "' is neither server nor client");
            }
        }
        Optional<Ipv4Address> clusterId = Optional.ofNullable(ann.get(Annotations.CLUSTER_ID))
                .flatMap(t -> f.ipv4(annotation(Annotations.CLUSTER_ID), t));
        Optional<Ipv4Address> routerId = Optional.ofNullable(ann.get(Annotations.ROUTER_ID))
                .flatMap(t -> f.ipv4(annotation(Annotations.ROUTER_ID), t));
        List<ExtraPeer> extra = new ArrayList<>();
        String extraText = ann.get(Annotations.EXTRA_PEERS);
        if (extraText != null) {
            String field = annotation(Annotations.EXTRA_PEERS);
            for (String item : extraText.split(",")) {
                String t = item.trim();
                if (t.isEmpty()) {
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq < 0) {
                    f.problem(field, "'" + t + "' is not address=asn");
                    continue;
                }
                Optional<IpAddress> a = f.address(field, t.substring(0, eq).trim());
                OptionalLong n = f.asn(field, t.substring(eq + 1).trim());
                if (a.isPresent() && n.isPresent()) {
                    extra.add(new ExtraPeer(a.get(), n.getAsLong()));
                }
            }
        }
        return new NodeView(name, cidrs, ips, labels, asn, role, clusterId, routerId, extra);
    }

    private static String annotation(String key) {
        return "metadata.annotations[" + key + "]";
    }

    /** The first IPv4 InternalIP: the usual BGP identifier of a node. */
    public Optional<Ipv4Address> firstIpv4() {
        return internalIps.stream().filter(a -> a instanceof Ipv4Address).map(a -> (Ipv4Address) a).findFirst();
    }
}
