package dev.podbgp.daemon.process;

import dev.podbgp.bgp.exabgp.PeerSelector.PeerIdentity;
import dev.podbgp.config.ProcessSpec;
import dev.podbgp.log.EventLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The config's {@code processes}, kept running: {@link #converge} starts the new ones, stops the removed ones and
 * restarts the changed ones, leaving the others alone; {@link #event} hands session events to the helpers that asked
 * for them. Event delivery reads an immutable snapshot, so the Netty event loops that call it never wait for a
 * reload.
 */
public final class ProcessSupervisor implements AutoCloseable {

    private static final EventLog LOG = EventLog.named("podbgp.process");

    private final ProcessRoutes routes;
    private final Supplier<List<PeerIdentity>> peers;
    private final Launcher launcher;
    private final ProcessSettings settings;
    private final Clock clock;
    private final ProcessCounters counters;
    private volatile Map<String, SupervisedProcess> running = Map.of();
    private volatile boolean wantsUpdates;
    private boolean closed;

    public ProcessSupervisor(ProcessRoutes routes, Supplier<List<PeerIdentity>> peers, Launcher launcher,
            ProcessSettings settings, Clock clock) {
        this(routes, peers, launcher, settings, clock, ProcessCounters.NONE);
    }

    public ProcessSupervisor(ProcessRoutes routes, Supplier<List<PeerIdentity>> peers, Launcher launcher,
            ProcessSettings settings, Clock clock, ProcessCounters counters) {
        this.counters = counters;
        this.routes = routes;
        this.peers = peers;
        this.launcher = launcher;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Runs exactly {@code specs}. A removed helper is stopped and its routes withdrawn; a changed one too, then it
     * starts with its new settings (its routes are its own again once it announces them).
     *
     * @return what changed, for the reload's answer; empty when nothing did
     */
    public synchronized String converge(List<ProcessSpec> specs) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the process supervisor is closed");
        }
        Map<String, SupervisedProcess> next = new LinkedHashMap<>();
        List<String> started = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        List<String> restarted = new ArrayList<>();
        Map<String, ProcessSpec> wanted = new LinkedHashMap<>();
        specs.forEach(s -> wanted.put(s.name(), s));
        for (SupervisedProcess p : running.values()) {
            ProcessSpec w = wanted.get(p.spec().name());
            if (w == null || !w.equals(p.spec())) {
                p.stop(true);
                (w == null ? stopped : restarted).add(p.spec().name());
            } else {
                next.put(w.name(), p);
            }
        }
        for (ProcessSpec s : specs) {
            if (!next.containsKey(s.name())) {
                SupervisedProcess p = new SupervisedProcess(s, settings, launcher, routes,
                        new ProcessCommands(s.name(), routes, peers), clock, counters);
                next.put(s.name(), p);
                p.start();
                if (!restarted.contains(s.name())) {
                    started.add(s.name());
                }
            }
        }
        running = Map.copyOf(next);
        wantsUpdates = specs.stream().anyMatch(s -> s.receive().update());
        StringBuilder summary = new StringBuilder();
        append(summary, "processes started", started);
        append(summary, "processes stopped", stopped);
        append(summary, "processes restarted", restarted);
        if (!summary.isEmpty()) {
            LOG.info("processes-converged").with("started", started.size()).with("stopped", stopped.size())
                    .with("restarted", restarted.size()).log();
        }
        return summary.toString();
    }

    private static void append(StringBuilder b, String what, List<String> names) {
        if (!names.isEmpty()) {
            b.append(b.isEmpty() ? "" : "; ").append(what).append(": ").append(String.join(", ", names));
        }
    }

    /** Any thread, never blocks: the event is queued for each helper that asked for its kind. */
    public void event(PeerEvent event) {
        for (SupervisedProcess p : running.values()) {
            if (EventEncoder.wanted(p.spec().receive(), event)) {
                p.offer(event);
            }
        }
    }

    /** Whether any helper reads received UPDATEs; the speaker skips building their events otherwise. */
    public boolean wantsUpdates() {
        return wantsUpdates;
    }

    /** The helpers' names and pids (-1 while one waits to restart), for status and tests. */
    public Map<String, Long> pids() {
        Map<String, Long> out = new LinkedHashMap<>();
        running.forEach((name, p) -> out.put(name, p.pid()));
        return out;
    }

    /** How many times the named helper was started, restarts included; 0 when it is not configured. */
    public int starts(String name) {
        SupervisedProcess p = running.get(name);
        return p == null ? 0 : p.starts();
    }

    /**
     * The daemon stops: every helper gets the shutdown line and SIGTERM at once, and is waited for. Their routes are
     * not withdrawn here: the sessions end (or hand over to the next run) with all routes.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Thread> stops = new ArrayList<>();
        for (SupervisedProcess p : running.values()) {
            stops.add(Thread.ofVirtual().name("podbgp-process-stop-" + p.spec().name()).start(() -> {
                try {
                    p.stop(false);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : stops) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        running = Map.of();
    }
}
