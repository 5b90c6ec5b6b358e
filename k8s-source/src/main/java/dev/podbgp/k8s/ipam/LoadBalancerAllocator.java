package dev.podbgp.k8s.ipam;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.k8s.crd.BGPConfiguration;
import dev.podbgp.k8s.crd.ServiceIPPool;
import dev.podbgp.k8s.crd.ServiceIPPoolStatus;
import dev.podbgp.k8s.ipam.Decision.Reason;
import dev.podbgp.k8s.report.EventRecorder;
import dev.podbgp.k8s.source.ClusterWatches;
import dev.podbgp.log.EventLog;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands out LoadBalancer addresses from ServiceIPPools while this pod holds the allocator lease.
 *
 * <p>Every pass looks at the whole cluster (Services, pools, namespaces, the BGPConfiguration) on
 * one thread; the {@link Allocator} lives only while leading and is rebuilt from the Services'
 * statuses when leadership (or enabling) begins, so what another pod handed out is never handed
 * out again. Status writes carry the informer's resourceVersion: a write based on a stale view
 * is refused by the API server and retried on the next pass. While not leading, the informers
 * stay warm so a takeover needs no relist.
 */
public final class LoadBalancerAllocator implements AutoCloseable, AllocatorLeadership.Listener {
    private static final EventLog LOG = EventLog.named(LoadBalancerAllocator.class.getName());

    private final KubernetesClient client;
    private final AllocatorOptions options;
    private final EventRecorder events;
    private final AllocatorLeadership leadership;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final StatusWriter writer;
    private final ClusterWatches watches;
    /** The watches were made for this allocator alone, and end with it. */
    private final boolean ownsWatches;
    private final Runnable onChange = this::changed;
    private volatile boolean leader;
    private SharedIndexInformer<Service> services;
    private SharedIndexInformer<Namespace> namespaces;
    private SharedIndexInformer<ServiceIPPool> pools;
    private SharedIndexInformer<BGPConfiguration> configurations;
    // Confined to the allocator thread.
    private Allocator allocator;
    private Set<ServiceProblem> reported = Set.of();
    private boolean disabledLogged;

    /** A Warning Event already written, not repeated while it lasts. */
    private record ServiceProblem(String service, Reason reason, String message) {
    }

    /** An allocator with informers of its own. */
    public LoadBalancerAllocator(KubernetesClient client, AllocatorOptions options) {
        this(client, new ClusterWatches(client, options.resync()), true, options);
    }

    /** An allocator reading the informers in {@code watches}, which other controllers of the pod share. */
    public LoadBalancerAllocator(KubernetesClient client, ClusterWatches watches, AllocatorOptions options) {
        this(client, watches, false, options);
    }

    private LoadBalancerAllocator(KubernetesClient client, ClusterWatches watches, boolean ownsWatches,
                                  AllocatorOptions options) {
        this.client = client;
        this.watches = watches;
        this.ownsWatches = ownsWatches;
        this.options = options;
        this.events = new EventRecorder(client, options.eventNamespace(), options.identity());
        this.writer = new StatusWriter(client, events, () -> leader, this::retryLater);
        this.leadership = new AllocatorLeadership(client, options.namespace(), options.identity(), options.leaseTiming(), this);
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("podbgp-lb-allocator").daemon().factory());
    }

    /** Starts watching and competing for the lease; returns at once. */
    public synchronized void start() {
        services = watches.watch(Service.class, onChange);
        namespaces = watches.watch(Namespace.class, onChange);
        pools = watches.watch(ServiceIPPool.class, onChange);
        configurations = watches.watch(BGPConfiguration.class, onChange);
        leadership.start();
    }

    @Override
    public void startedLeading() {
        leader = true;
        onThread(this::forget); // rebuilt from the statuses by the next pass
        changed();
    }

    @Override
    public void stoppedLeading() {
        leader = false;
        onThread(this::forget);
    }

    private void forget() {
        allocator = null;
        // Another leader may have acted meanwhile: what this pod reported before is reported again if it still holds.
        reported = Set.of();
        writer.forget();
    }

    private void onThread(Runnable r) {
        try {
            thread.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: nothing left to do
        }
    }

    /** True while this pod holds the lease. */
    public boolean leading() {
        return leader;
    }

    /** Successful Service and pool status writes; for tests and metrics. */
    public long statusWrites() {
        return writer.writes();
    }

    private void changed() {
        changed(options.debounce().toMillis());
    }

    private void changed(long delayMillis) {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.schedule(this::pass, delayMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // closing: nothing left to do
            }
        }
    }

    private void retryLater() {
        changed(Math.max(1000, options.debounce().toMillis() * 4));
    }

    private void pass() {
        pending.set(false);
        try {
            reconcile();
        } catch (KubernetesClientException e) {
            LOG.warn("lb-allocation-deferred").with("error", e.getMessage()).log();
            retryLater();
        } catch (RuntimeException e) {
            LOG.error("lb-allocation-failed").thrown(e).log();
            retryLater();
        }
    }

    private void reconcile() {
        if (!leader) {
            forget();
            return;
        }
        if (!services.hasSynced() || !namespaces.hasSynced() || !pools.hasSynced() || !configurations.hasSynced()) {
            return; // the informer still listing calls changed() once it has
        }
        AllocationSettings settings = AllocationSettings.from(configurations.getStore().list().stream()
                .filter(c -> BGPConfiguration.NAME.equals(c.getMetadata().getName())).findFirst());
        if (!settings.enabled()) {
            if (!disabledLogged) {
                LOG.info("lb-allocation-disabled").log();
                disabledLogged = true;
            }
            forget();
            return;
        }
        disabledLogged = false;
        // One read of the pools for the whole pass: the informer may add one meanwhile, and the statuses
        // written below must describe the pools the decisions were made with.
        List<ServiceIPPool> poolObjects = pools.getStore().list();
        Map<String, PoolMapper.Mapped> mapped = new LinkedHashMap<>();
        poolObjects.stream().sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .forEach(p -> mapped.put(p.getMetadata().getName(), PoolMapper.map(p)));
        List<AddressPool> usable = mapped.values().stream().map(PoolMapper.Mapped::pool).toList();
        Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
        namespaces.getStore().list().forEach(n -> namespaceLabels.put(n.getMetadata().getName(),
                n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels()));
        List<Service> all = services.getStore().list().stream()
                .sorted(Comparator.comparing((Service s) -> String.valueOf(s.getMetadata().getCreationTimestamp()))
                        .thenComparing(ServiceRequests::key)).toList();

        Set<ServiceProblem> now = new HashSet<>();
        if (allocator == null) {
            allocator = new Allocator(usable);
            rebuild(all, settings, namespaceLabels, now);
        } else {
            allocator.setPools(usable);
        }
        Map<String, List<String>> waiting = new HashMap<>();
        Map<String, List<String>> conflicts = new HashMap<>();
        Set<String> present = new HashSet<>();
        for (Service s : all) {
            String key = ServiceRequests.key(s);
            present.add(key);
            switch (ServiceRequests.read(s, settings, namespaceLabels.getOrDefault(s.getMetadata().getNamespace(), Map.of()))) {
                case ServiceRequests.NotServed ignored -> giveUp(s);
                case ServiceRequests.Unreadable u -> {
                    problem(s, Reason.InvalidRequest, u.message(), now);
                    writer.service(s, allocator.addressesOf(key));
                }
                case ServiceRequests.Served served -> {
                    Decision d = allocator.assign(served.request());
                    switch (d) {
                        case Decision.Assigned a -> a.problems().forEach(p -> problem(s, p.reason(), p.message(), now));
                        case Decision.Refused r -> {
                            problem(s, r.problem().reason(), r.problem().message(), now);
                            attribute(served.request(), r.problem().reason(), usable, waiting, conflicts);
                        }
                    }
                    writer.service(s, d.addresses());
                }
            }
        }
        for (String gone : allocator.services()) {
            if (!present.contains(gone)) {
                LOG.info("lb-ip-released").with("service", gone).with("addresses", allocator.addressesOf(gone).toString())
                        .with("why", "deleted").log();
                allocator.release(gone);
            }
        }
        reported = now;
        writer.retain(present, mapped.keySet());
        Instant at = Instant.now();
        for (ServiceIPPool p : poolObjects) {
            PoolMapper.Mapped m = mapped.get(p.getMetadata().getName());
            ServiceIPPoolStatus status = PoolStatusBuilder.build(p, allocator.usage(m.pool()), m.problems(),
                    waiting.getOrDefault(m.pool().name(), List.of()), conflicts.getOrDefault(m.pool().name(), List.of()), at);
            writer.pool(p, status);
        }
    }

    /** Claims, oldest Service first, what every Service of ours already shows; duplicates are reported. */
    private void rebuild(List<Service> all, AllocationSettings settings, Map<String, Map<String, String>> namespaceLabels,
                         Set<ServiceProblem> now) {
        int claimed = 0;
        for (Service s : all) {
            var read = ServiceRequests.read(s, settings, namespaceLabels.getOrDefault(s.getMetadata().getNamespace(), Map.of()));
            if (read instanceof ServiceRequests.NotServed) {
                continue;
            }
            String key = ServiceRequests.key(s);
            for (IpAddress taken : allocator.claim(key, ServiceRequests.sharing(s), ServiceRequests.ingress(s))) {
                problem(s, Reason.AddressInUse, "status showed " + taken + ", which "
                        + String.join(", ", allocator.holdersOf(taken)) + " already holds", now);
            }
            claimed += allocator.addressesOf(key).size();
        }
        LOG.info("lb-allocations-rebuilt").with("identity", options.identity()).with("addresses", claimed).log();
    }

    /** Which pools' conditions a refusal shows on: the full ones it could have used, or the one holding the address. */
    private static void attribute(ServiceRequest r, Reason reason, List<AddressPool> pools, Map<String, List<String>> waiting,
                                  Map<String, List<String>> conflicts) {
        for (AddressPool p : pools) {
            if (!p.selects(r) || r.pool().map(n -> !n.equals(p.name())).orElse(false)) {
                continue;
            }
            if (reason == Reason.PoolExhausted) {
                waiting.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(r.key());
            } else if (reason == Reason.AddressInUse && r.requested().stream().anyMatch(p::offers)) {
                conflicts.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(r.key() + " asks for "
                        + r.requested().stream().filter(p::offers).map(Object::toString).toList());
            }
        }
    }

    /** A Service that is no longer ours (deleted from the class, type changed) gives its addresses back. */
    private void giveUp(Service s) {
        String key = ServiceRequests.key(s);
        List<IpAddress> held = allocator.addressesOf(key);
        if (held.isEmpty()) {
            return;
        }
        allocator.release(key);
        LOG.info("lb-ip-released").with("service", key).with("addresses", held.toString()).with("why", "not-served").log();
        // Clear only what we wrote: another allocator of the new class may already have written its own.
        if (Set.copyOf(ServiceRequests.ingress(s)).equals(Set.copyOf(held))) {
            writer.service(s, List.of());
        }
    }

    private void problem(Service s, Reason reason, String message, Set<ServiceProblem> now) {
        ServiceProblem p = new ServiceProblem(ServiceRequests.key(s), reason, message);
        now.add(p);
        if (!reported.contains(p)) {
            LOG.warn("lb-ip-problem").with("service", p.service()).with("reason", reason.name()).with("message", message).log();
            events.recordNamespaced(s.getMetadata().getNamespace(), "v1", "Service", s.getMetadata().getName(),
                    EventRecorder.Type.Warning, reason.name(), message);
        }
    }

    /** Gives up the lease (another pod takes over after one retry period) and stops watching. */
    @Override
    public synchronized void close() {
        leadership.close();
        leader = false;
        watches.unwatch(onChange);
        if (ownsWatches) {
            watches.close();
        }
        thread.shutdownNow();
        try {
            // A pass in flight finishes its write (bounded by the request timeout) before the caller closes the client.
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
