package dev.podbgp.k8s.ipam;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one Service of podbgp's class asks for.
 *
 * @param key             {@code namespace/name}
 * @param families        one address per family, in the Service's order (spec.ipFamilies); never empty
 * @param allFamilies     false for ipFamilyPolicy PreferDualStack: a Service may start with the families that could be served
 * @param requested       spec.loadBalancerIP or the podbgp.dev/load-balancer-ips annotation; at most one per family
 * @param pool            the podbgp.dev/address-pool annotation: take addresses from this pool only
 * @param sharing         with whom the Service may share an address
 */
public record ServiceRequest(String key, Map<String, String> labels, Map<String, String> namespaceLabels,
                             List<AddressFamily> families, boolean allFamilies, List<IpAddress> requested,
                             Optional<String> pool, Sharing sharing) {
    public ServiceRequest {
        labels = Map.copyOf(labels);
        namespaceLabels = Map.copyOf(namespaceLabels);
        families = List.copyOf(families);
        requested = List.copyOf(requested);
        if (families.isEmpty()) {
            throw new IllegalArgumentException(key + ": a request names at least one family");
        }
    }

    /** Without sharing. */
    public ServiceRequest(String key, Map<String, String> labels, Map<String, String> namespaceLabels,
                          List<AddressFamily> families, boolean allFamilies, List<IpAddress> requested,
                          Optional<String> pool) {
        this(key, labels, namespaceLabels, families, allFamilies, requested, pool, Sharing.NONE);
    }

    Optional<IpAddress> requested(AddressFamily f) {
        return requested.stream().filter(a -> a.family() == f).findFirst();
    }
}
