package dev.podbgp.k8s.mapping;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Services ({@code namespace/name}) with a ready endpoint on one node, from their EndpointSlices
 * (discovery.k8s.io/v1): what a {@code Local} traffic policy asks about before the node attracts the traffic.
 */
final class LocalEndpoints {
    /** The label an EndpointSlice names its Service by (discovery.k8s.io/v1). */
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    private LocalEndpoints() {
    }

    static Set<String> onNode(String node, Collection<EndpointSlice> slices) {
        Set<String> services = new HashSet<>();
        for (EndpointSlice s : slices) {
            Map<String, String> labels = s.getMetadata().getLabels();
            String service = labels == null ? null : labels.get(SERVICE_NAME_LABEL);
            if (service == null || s.getEndpoints() == null) {
                continue;
            }
            for (Endpoint e : s.getEndpoints()) {
                if (node.equals(e.getNodeName()) && ready(e.getConditions())) {
                    services.add(s.getMetadata().getNamespace() + "/" + service);
                    break;
                }
            }
        }
        return services;
    }

    /**
     * Ready as the EndpointSlice API defines it (an absent condition is to be taken as true), and not terminating:
     * an endpoint that still serves while it terminates keeps its connections through kube-proxy, but the node
     * withdraws the route so that new flows go to nodes that will keep serving. A Service that publishes not-ready
     * addresses reports them ready; they count here too, as kube-proxy sends to them.
     */
    static boolean ready(EndpointConditions c) {
        if (c == null) {
            return true;
        }
        return !Boolean.FALSE.equals(c.getReady()) && !Boolean.TRUE.equals(c.getTerminating());
    }
}
