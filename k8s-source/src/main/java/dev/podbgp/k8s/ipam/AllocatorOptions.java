package dev.podbgp.k8s.ipam;

import java.time.Duration;

/**
 * @param namespace      podbgp's namespace: the Lease lives here
 * @param eventNamespace where Events about ServiceIPPools (cluster-scoped) are written; a Service's go to its own namespace
 * @param identity       this pod's name in the Lease; unique per process
 * @param debounce       a burst of changes yields one pass
 * @param resync         informer resync: a pass at least this often
 */
public record AllocatorOptions(String namespace, String eventNamespace, String identity, Duration debounce,
                               Duration resync, AllocatorLeadership.Timing leaseTiming) {
    public static AllocatorOptions defaults(String namespace, String identity) {
        return new AllocatorOptions(namespace, "default", identity, Duration.ofMillis(200), Duration.ofMinutes(5),
                AllocatorLeadership.Timing.DEFAULT);
    }
}
