package dev.podbgp.k8s.ipam;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.k8s.crd.BGPConfiguration;
import dev.podbgp.k8s.crd.ServiceIPPool;
import dev.podbgp.k8s.crd.ServiceIPPoolStatus;
import dev.podbgp.k8s.report.EventRecorder;
import dev.podbgp.log.EventLog;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Writes what the allocator decided: Service {@code status.loadBalancer.ingress} and ServiceIPPool
 * status, through the status subresource, each only when it changes, and only while
 * {@code leading} holds. Used from the allocator thread only.
 *
 * <p>A write carries the resourceVersion of the object it was computed from; the informer shows
 * the result a little later. Until then the same write is "on its way" and not repeated, so a
 * lagging cache does not turn into a second write that the API server refuses as stale.
 */
final class StatusWriter {
    private static final EventLog LOG = EventLog.named(StatusWriter.class.getName());
    private static final String POOL_API = BGPConfiguration.GROUP + "/" + BGPConfiguration.VERSION;

    private final KubernetesClient client;
    private final EventRecorder events;
    private final BooleanSupplier leading;
    private final Runnable retryLater;
    private final AtomicLong writes = new AtomicLong();
    private final Map<String, Written<List<IpAddress>>> services = new HashMap<>();
    private final Map<String, Written<ServiceIPPoolStatus>> pools = new HashMap<>();

    /** What was written over the object's version {@code over}. */
    private record Written<T>(String over, T content) {
    }

    /** @param retryLater asks for another pass after a failed write */
    StatusWriter(KubernetesClient client, EventRecorder events, BooleanSupplier leading, Runnable retryLater) {
        this.client = client;
        this.events = events;
        this.leading = leading;
        this.retryLater = retryLater;
    }

    long writes() {
        return writes.get();
    }

    /** Drops what it remembers: a new leader starts from what the cluster shows. */
    void forget() {
        services.clear();
        pools.clear();
    }

    void retain(Set<String> serviceKeys, Set<String> poolNames) {
        services.keySet().retainAll(serviceKeys);
        pools.keySet().retainAll(poolNames);
    }

    /** Makes {@code s}'s status show exactly {@code addresses}; a Normal Event when it gained some. */
    void service(Service s, List<IpAddress> addresses) {
        String key = ServiceRequests.key(s);
        Written<List<IpAddress>> w = services.get(key);
        if (w != null && w.over().equals(s.getMetadata().getResourceVersion()) && w.content().equals(addresses)) {
            return;
        }
        if (!ServiceRequests.ingress(s).equals(addresses) && write(s, addresses) && !addresses.isEmpty()) {
            LOG.info("lb-ip-assigned").with("service", key).with("addresses", addresses.toString()).log();
            events.recordNamespaced(s.getMetadata().getNamespace(), "v1", "Service", s.getMetadata().getName(),
                    EventRecorder.Type.Normal, "IPAllocated", "assigned " + String.join(", ",
                            addresses.stream().map(Object::toString).toList()));
        }
    }

    private boolean write(Service s, List<IpAddress> addresses) {
        if (!leading.getAsBoolean()) {
            return false; // lost the lease during this pass: the new leader decides
        }
        List<LoadBalancerIngress> ingress = addresses.stream().map(a -> {
            var i = new LoadBalancerIngress();
            i.setIp(a.toString());
            return i;
        }).toList();
        Service next = new ServiceBuilder(s).editOrNewStatus().editOrNewLoadBalancer().withIngress(ingress)
                .endLoadBalancer().endStatus().build();
        try {
            client.services().inNamespace(s.getMetadata().getNamespace()).resource(next).updateStatus();
            services.put(ServiceRequests.key(s), new Written<>(String.valueOf(s.getMetadata().getResourceVersion()), addresses));
            writes.incrementAndGet();
            return true;
        } catch (KubernetesClientException e) {
            // 409: our view was stale; the informer brings the new one and a pass with it.
            LOG.warn("lb-status-write-failed").with("service", ServiceRequests.key(s)).with("code", e.getCode())
                    .with("error", e.getMessage()).log();
            retryLater.run();
            return false;
        }
    }

    /** Writes {@code status} to the pool when it changes what the pool shows; a Warning Event for each new bad reason. */
    void pool(ServiceIPPool p, ServiceIPPoolStatus status) {
        String name = p.getMetadata().getName();
        Written<ServiceIPPoolStatus> w = pools.get(name);
        boolean onItsWay = w != null && w.over().equals(p.getMetadata().getResourceVersion())
                && !PoolStatusBuilder.differs(w.content(), status);
        if (onItsWay || !PoolStatusBuilder.differs(p.getStatus(), status) || !leading.getAsBoolean()) {
            return;
        }
        ServiceIPPool next = new ServiceIPPool();
        next.setMetadata(p.getMetadata());
        next.setSpec(p.getSpec());
        next.setStatus(status);
        try {
            client.resources(ServiceIPPool.class).resource(next).updateStatus();
            pools.put(name, new Written<>(String.valueOf(p.getMetadata().getResourceVersion()), status));
            writes.incrementAndGet();
        } catch (KubernetesClientException e) {
            LOG.warn("lb-status-write-failed").with("pool", name).with("code", e.getCode()).with("error", e.getMessage()).log();
            retryLater.run();
            return;
        }
        for (var c : status.conditions) {
            boolean was = p.getStatus() != null && p.getStatus().conditions != null && p.getStatus().conditions.stream()
                    .anyMatch(o -> o.getType().equals(c.getType()) && c.getReason().equals(o.getReason()));
            if (PoolStatusBuilder.WARNINGS.contains(c.getReason()) && !was) {
                events.record(POOL_API, "ServiceIPPool", name, EventRecorder.Type.Warning, c.getReason(), c.getMessage());
            }
        }
    }
}
