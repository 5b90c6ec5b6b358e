package dev.podbgp.k8s.report;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.k8s.crd.BGPNodeStatus;
import dev.podbgp.k8s.crd.BGPNodeStatusStatus;
import dev.podbgp.k8s.crd.SessionStatus;
import dev.podbgp.log.EventLog;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes this node's {@link BGPNodeStatus}, Events for sessions going up or down, and the
 * NetworkUnavailable condition. Callers never wait for the API server: {@link #publish} keeps only
 * the latest snapshot, and at most one write happens per {@code minInterval} (latest wins), none
 * when nothing changed. A failed write is retried at the next interval.
 */
public final class StatusPublisher implements AutoCloseable {
    private static final EventLog LOG = EventLog.named(StatusPublisher.class.getName());

    private final KubernetesClient client;
    private final String nodeName;
    private final Duration minInterval;
    private final EventRecorder events;
    private final ScheduledExecutorService thread;
    private final Object lock = new Object();
    // Guarded by lock.
    private NodeStatusSnapshot latest;
    private boolean routesProgrammed;
    private boolean flushScheduled;
    // Confined to the publisher thread.
    private NodeStatusSnapshot written;
    private boolean writtenProgrammed;
    private boolean conditionSet;
    private NodeStatusSnapshot eventsFrom;
    private volatile Instant lastWrite = Instant.EPOCH;
    private long writes;

    public StatusPublisher(KubernetesClient client, String nodeName, String eventNamespace, Duration minInterval) {
        this.client = client;
        this.nodeName = nodeName;
        this.minInterval = minInterval;
        this.events = new EventRecorder(client, eventNamespace, nodeName);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "podbgp-k8s-status");
            t.setDaemon(true);
            return t;
        });
    }

    /** Replaces the report to write; returns at once. */
    public void publish(NodeStatusSnapshot snapshot) {
        synchronized (lock) {
            latest = snapshot;
            scheduleLocked();
        }
    }

    /** This node's routes are in the FIB: set NetworkUnavailable=False (once) and say so in the status. */
    public void routesProgrammed() {
        synchronized (lock) {
            routesProgrammed = true;
            scheduleLocked();
        }
    }

    /** How many BGPNodeStatus writes succeeded; for tests and metrics. */
    public long writes() {
        try {
            return thread.submit(() -> writes).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void scheduleLocked() {
        if (flushScheduled) {
            return;
        }
        flushScheduled = true;
        long wait = Math.max(0, Duration.between(Instant.now(), lastWrite.plus(minInterval)).toMillis());
        thread.schedule(this::flush, wait, TimeUnit.MILLISECONDS);
    }

    private void flush() {
        NodeStatusSnapshot snapshot;
        boolean programmed;
        synchronized (lock) {
            flushScheduled = false;
            snapshot = latest;
            programmed = routesProgrammed;
        }
        boolean ok = true;
        boolean changed = snapshot != null && (!snapshot.equals(written) || programmed != writtenProgrammed);
        // Checked again with every status write: a node controller may have set it back to True.
        if (programmed && (!conditionSet || changed)) {
            ok = setCondition();
        }
        if (changed) {
            sessionEvents(snapshot);
            if (writeStatus(snapshot, programmed)) {
                written = snapshot;
                writtenProgrammed = programmed;
                writes++;
            } else {
                ok = false;
            }
            lastWrite = Instant.now();
        }
        if (!ok) {
            synchronized (lock) {
                scheduleLocked(); // retry after the interval
            }
        }
    }

    private void sessionEvents(NodeStatusSnapshot now) {
        Map<IpAddress, SessionSnapshot> before = eventsFrom == null ? Map.of()
                : eventsFrom.sessions().stream().collect(Collectors.toMap(SessionSnapshot::peer, Function.identity()));
        for (SessionSnapshot s : now.sessions()) {
            SessionSnapshot b = before.get(s.peer());
            boolean wasUp = b != null && b.established();
            if (s.established() && !wasUp) {
                events.record("v1", "Node", nodeName, EventRecorder.Type.Normal, "BGPSessionUp",
                        "session with " + s.peer() + " AS " + s.peerAsn() + " is Established");
            } else if (!s.established() && wasUp) {
                events.record("v1", "Node", nodeName, EventRecorder.Type.Warning, "BGPSessionDown",
                        "session with " + s.peer() + " AS " + s.peerAsn() + " is " + s.state()
                                + s.lastError().map(e -> ": " + e).orElse(""));
            }
        }
        eventsFrom = now;
    }

    private boolean writeStatus(NodeStatusSnapshot s, boolean programmed) {
        try {
            var resource = client.resources(BGPNodeStatus.class).withName(nodeName);
            BGPNodeStatus current = resource.get();
            if (current == null) {
                BGPNodeStatus fresh = new BGPNodeStatus();
                var meta = new ObjectMetaBuilder().withName(nodeName);
                Node node = client.nodes().withName(nodeName).get();
                if (node != null) {
                    // Deleted with its Node by the garbage collector.
                    meta.withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("v1").withKind("Node")
                            .withName(nodeName).withUid(node.getMetadata().getUid()).build());
                }
                fresh.setMetadata(meta.build());
                current = client.resources(BGPNodeStatus.class).resource(fresh).create();
            }
            current.setStatus(status(s, programmed));
            client.resources(BGPNodeStatus.class).resource(current).updateStatus();
            return true;
        } catch (KubernetesClientException e) {
            LOG.warn("status-write-failed").with("node", nodeName).with("error", e.getMessage()).log();
            return false;
        }
    }

    static BGPNodeStatusStatus status(NodeStatusSnapshot s, boolean programmed) {
        BGPNodeStatusStatus out = new BGPNodeStatusStatus();
        out.sessions = s.sessions().stream().map(x -> {
            SessionStatus st = new SessionStatus();
            st.peerAddress = x.peer().toString();
            st.peerASN = x.peerAsn();
            st.state = x.state();
            st.prefixesReceived = x.prefixesReceived();
            st.prefixesAdvertised = x.prefixesAdvertised();
            st.lastError = x.lastError().orElse(null);
            return st;
        }).toList();
        out.advertisedPrefixes = s.advertised().stream().map(Prefix::toString).toList();
        out.routesProgrammed = programmed;
        out.lastError = s.lastError().orElse(null);
        return out;
    }

    private boolean setCondition() {
        try {
            Node node = client.nodes().withName(nodeName).get();
            if (node == null) {
                LOG.warn("condition-write-failed").with("node", nodeName).with("condition", NodeConditions.NETWORK_UNAVAILABLE)
                        .with("reason", "Node not found").log();
                return false;
            }
            if (node.getStatus() == null) {
                node.setStatus(new NodeStatus());
            }
            if (!NodeConditions.routesProgrammed(node)) {
                client.nodes().withName(nodeName).editStatus(n -> NodeConditions.withRoutesProgrammed(n, Instant.now()));
            }
            conditionSet = true;
            return true;
        } catch (KubernetesClientException e) {
            LOG.warn("condition-write-failed").with("node", nodeName).with("condition", NodeConditions.NETWORK_UNAVAILABLE)
                    .with("error", e.getMessage()).log();
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
