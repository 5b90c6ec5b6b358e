package dev.podbgp.daemon.metrics;

import dev.podbgp.bgp.session.SessionState;
import java.time.Duration;

/**
 * Every metric podbgp exposes, by name, with the calls that feed them. Labels: {@code peer} is
 * the neighbor's IP address, {@code family} ExaBGP's name ("ipv4 unicast"), {@code rib} one of
 * adj-rib-in, loc-rib, adj-rib-out.
 */
public final class PodbgpMetrics {

    /** Seconds; a FIB write normally lands in well under a millisecond, a batch under load in tens. */
    static final double[] KERNEL_LATENCY_BUCKETS =
            {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final MetricRegistry registry = new MetricRegistry();

    private final Gauge sessionState = registry.gauge("podbgp_session_state",
            "BGP FSM state per peer, numbered as bgpPeerState in RFC 4273: 1 idle, 2 connect, 3 active,"
                    + " 4 opensent, 5 openconfirm, 6 established.", "peer");
    private final Counter sessionFlaps = registry.counter("podbgp_session_flaps_total",
            "Times the session with a peer left the Established state.", "peer");
    private final Gauge bfdUp = registry.gauge("podbgp_bfd_session_up",
            "1 while the peer's BFD session is Up, 0 otherwise; absent for peers without BFD.", "peer");
    private final Counter bfdFlaps = registry.counter("podbgp_bfd_flaps_total",
            "Times the peer's BFD session left the Up state.", "peer");
    private final Gauge prefixesReceived = registry.gauge("podbgp_prefixes_received",
            "Prefixes received from a peer (Adj-RIB-In, before import policy).", "peer", "family");
    private final Gauge prefixesAccepted = registry.gauge("podbgp_prefixes_accepted",
            "Prefixes from a peer that import policy accepted.", "peer", "family");
    private final Gauge prefixesAdvertised = registry.gauge("podbgp_prefixes_advertised",
            "Prefixes advertised to a peer (Adj-RIB-Out).", "peer", "family");
    private final Counter updatesReceived = registry.counter("podbgp_updates_received_total",
            "UPDATE messages received from a peer.", "peer");
    private final Counter updatesSent = registry.counter("podbgp_updates_sent_total",
            "UPDATE messages sent to a peer.", "peer");
    private final Gauge ribPrefixes = registry.gauge("podbgp_rib_prefixes",
            "Prefixes held in each RIB.", "rib", "family");
    private final Gauge fibRoutes = registry.gauge("podbgp_fib_routes",
            "Routes podbgp has installed in the kernel FIB.", "family");
    private final Gauge serviceRoutes = registry.gauge("podbgp_service_routes",
            "Kubernetes Service addresses this node announces (docs/services.md).", "family");
    private final Counter fibErrors = registry.counter("podbgp_fib_errors_total",
            "Route writes the kernel refused (each is retried with backoff).", "operation");
    private final Counter fibNextHopChanges = registry.counter("podbgp_fib_nexthop_changes_total",
            "Routes whose next hop (gateway, interface or ECMP set) changed, each written as one replace.", "family");
    private final Histogram kernelLatency = registry.histogram("podbgp_fib_change_to_kernel_seconds",
            "Time from a Loc-RIB change to the kernel acknowledging the route write.", KERNEL_LATENCY_BUCKETS);

    private final Counter processStarts = registry.counter("podbgp_process_starts_total",
            "Times a helper process (config processes) was started, restarts included.", "process");
    private final Counter processCommands = registry.counter("podbgp_process_commands_total",
            "Command lines read from a helper process, by answer (done or error).", "process", "result");
    private final Counter processEventsDropped = registry.counter("podbgp_process_events_dropped_total",
            "Events not written to a helper process because it did not read its stdin fast enough.", "process");

    public MetricRegistry registry() {
        return registry;
    }

    public void sessionState(String peer, SessionState state) {
        sessionState.labels(peer).set(stateNumber(state));
    }

    public void sessionFlap(String peer) {
        sessionFlaps.labels(peer).inc();
    }

    public void bfdState(String peer, boolean up) {
        bfdUp.labels(peer).set(up ? 1 : 0);
    }

    public void bfdFlap(String peer) {
        bfdFlaps.labels(peer).inc();
    }

    public void prefixes(String peer, String family, long received, long accepted, long advertised) {
        prefixesReceived.labels(peer, family).set(received);
        prefixesAccepted.labels(peer, family).set(accepted);
        prefixesAdvertised.labels(peer, family).set(advertised);
    }

    public void updateReceived(String peer) {
        updatesReceived.labels(peer).inc();
    }

    public void updateSent(String peer) {
        updatesSent.labels(peer).inc();
    }

    /** Adds {@code n} UPDATEs received (the daemon reads its session counters periodically). */
    public void updatesReceived(String peer, long n) {
        if (n > 0) {
            updatesReceived.labels(peer).inc(n);
        }
    }

    public void updatesSent(String peer, long n) {
        if (n > 0) {
            updatesSent.labels(peer).inc(n);
        }
    }

    public void ribPrefixes(String rib, String family, long count) {
        ribPrefixes.labels(rib, family).set(count);
    }

    public void serviceRoutes(String family, long count) {
        serviceRoutes.labels(family).set(count);
    }

    public void fibRoutes(String family, long count) {
        fibRoutes.labels(family).set(count);
    }

    /** {@code operation}: add, replace or delete. */
    public void fibError(String operation) {
        fibErrors.labels(operation).inc();
    }

    /** Adds {@code n} routes of {@code family} whose next hop changed. */
    public void fibNextHopChanges(String family, long n) {
        if (n > 0) {
            fibNextHopChanges.labels(family).inc(n);
        }
    }

    public void processStarted(String process) {
        processStarts.labels(process).inc();
    }

    public void processCommand(String process, boolean done) {
        processCommands.labels(process, done ? "done" : "error").inc();
    }

    public void processEventDropped(String process) {
        processEventsDropped.labels(process).inc();
    }

    public void changeToKernel(Duration elapsed) {
        kernelLatency.observe(elapsed.toNanos() / 1e9);
    }

    /** BFD turned off for a peer that stays configured. */
    public void removeBfd(String peer) {
        bfdUp.remove(peer);
        bfdFlaps.remove(peer);
    }

    /** A peer removed from the config stops being exposed (its counters would otherwise linger). */
    public void removePeer(String peer) {
        sessionState.remove(peer);
        sessionFlaps.remove(peer);
        bfdUp.remove(peer);
        bfdFlaps.remove(peer);
        updatesReceived.remove(peer);
        updatesSent.remove(peer);
        for (Gauge g : new Gauge[] {prefixesReceived, prefixesAccepted, prefixesAdvertised}) {
            g.removeIf(values -> values.getFirst().equals(peer));
        }
    }

    /** RFC 4273 bgpPeerState: idle(1) connect(2) active(3) opensent(4) openconfirm(5) established(6). */
    static int stateNumber(SessionState state) {
        return switch (state) {
            case IDLE -> 1;
            case CONNECT -> 2;
            case ACTIVE -> 3;
            case OPEN_SENT -> 4;
            case OPEN_CONFIRM -> 5;
            case ESTABLISHED -> 6;
        };
    }
}
