package dev.podbgp.k8s.ipam;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads what a Service asks of the allocator, and what its status says it holds. */
public final class ServiceRequests {
    public static final String ANNOTATION_PREFIX = "podbgp.dev/";
    /** Comma-separated addresses, at most one per family; wins over the deprecated spec.loadBalancerIP. */
    public static final String LOAD_BALANCER_IPS = ANNOTATION_PREFIX + "load-balancer-ips";
    /** Services with the same value may hold one address, as long as no port is claimed twice. */
    public static final String ALLOW_SHARED_IP = ANNOTATION_PREFIX + "allow-shared-ip";
    /** The name of the ServiceIPPool to take addresses from. */
    public static final String ADDRESS_POOL = ANNOTATION_PREFIX + "address-pool";

    /** What {@link #read} found. */
    public sealed interface Read {
    }

    /** Not a Service podbgp allocates for (another type, another class). */
    public record NotServed() implements Read {
    }

    public record Served(ServiceRequest request) implements Read {
    }

    /** Podbgp's, but what it asks for cannot be read; {@code message} names the field. */
    public record Unreadable(String message) implements Read {
    }

    private ServiceRequests() {
    }

    public static String key(Service s) {
        return s.getMetadata().getNamespace() + "/" + s.getMetadata().getName();
    }

    public static Read read(Service s, AllocationSettings settings, Map<String, String> namespaceLabels) {
        ServiceSpec spec = s.getSpec();
        if (spec == null || !settings.serves(spec.getType(), spec.getLoadBalancerClass())) {
            return new NotServed();
        }
        Map<String, String> annotations = s.getMetadata().getAnnotations() == null ? Map.of() : s.getMetadata().getAnnotations();
        List<IpAddress> requested = new ArrayList<>();
        String field;
        String text;
        if (annotations.containsKey(LOAD_BALANCER_IPS)) {
            field = "metadata.annotations[" + LOAD_BALANCER_IPS + "]";
            text = annotations.get(LOAD_BALANCER_IPS);
        } else {
            field = "spec.loadBalancerIP";
            text = spec.getLoadBalancerIP();
        }
        for (String part : text == null ? new String[0] : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                requested.add(IpAddress.parse(part.trim()));
            } catch (IllegalArgumentException e) {
                return new Unreadable(field + ": '" + part.trim() + "' is not an IP address");
            }
        }
        List<AddressFamily> families = new ArrayList<>();
        for (String f : spec.getIpFamilies() == null ? List.<String>of() : spec.getIpFamilies()) {
            switch (f) {
                case "IPv4" -> families.add(AddressFamily.IPV4);
                case "IPv6" -> families.add(AddressFamily.IPV6);
                default -> {
                    return new Unreadable("spec.ipFamilies: '" + f + "' is neither IPv4 nor IPv6");
                }
            }
        }
        String policy = spec.getIpFamilyPolicy() == null ? "SingleStack" : spec.getIpFamilyPolicy();
        if (families.isEmpty()) {
            // The API server always fills ipFamilies; without it, the requested addresses say which.
            requested.stream().map(IpAddress::family).distinct().forEach(families::add);
            if (families.isEmpty()) {
                families.add(AddressFamily.IPV4);
            }
        } else if (policy.equals("SingleStack")) {
            families = List.of(families.getFirst());
        }
        Optional<String> pool = Optional.ofNullable(annotations.get(ADDRESS_POOL)).map(String::trim).filter(p -> !p.isEmpty());
        Map<String, String> labels = s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
        return new Served(new ServiceRequest(key(s), labels, namespaceLabels, families, !policy.equals("PreferDualStack"),
                requested, pool, sharing(s)));
    }

    /** How the Service may share; also for Services whose request cannot be read, so the rebuild knows. */
    public static Sharing sharing(Service s) {
        Map<String, String> annotations = s.getMetadata().getAnnotations() == null ? Map.of() : s.getMetadata().getAnnotations();
        Optional<String> key = Optional.ofNullable(annotations.get(ALLOW_SHARED_IP)).map(String::trim).filter(k -> !k.isEmpty());
        if (key.isEmpty()) {
            return Sharing.NONE;
        }
        List<String> ports = new ArrayList<>();
        if (s.getSpec() != null && s.getSpec().getPorts() != null) {
            for (ServicePort p : s.getSpec().getPorts()) {
                ports.add((p.getProtocol() == null ? "TCP" : p.getProtocol()) + "/" + p.getPort());
            }
        }
        return new Sharing(key, Set.copyOf(ports));
    }

    /** The addresses in {@code status.loadBalancer.ingress}; hostnames and unreadable entries are skipped. */
    public static List<IpAddress> ingress(Service s) {
        List<IpAddress> out = new ArrayList<>();
        if (s.getStatus() == null || s.getStatus().getLoadBalancer() == null
                || s.getStatus().getLoadBalancer().getIngress() == null) {
            return out;
        }
        for (LoadBalancerIngress i : s.getStatus().getLoadBalancer().getIngress()) {
            if (i.getIp() != null) {
                try {
                    out.add(IpAddress.parse(i.getIp().trim()));
                } catch (IllegalArgumentException e) {
                    // Not ours to judge: another writer's entry; ours are always addresses.
                }
            }
        }
        return out;
    }
}
