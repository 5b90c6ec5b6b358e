package dev.podbgp.daemon.process;

import dev.podbgp.config.ProcessSpec;
import dev.podbgp.inet.Prefix;
import dev.podbgp.log.EventLog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One configured helper over its lifetime: started, watched, started again after an exit with a capped exponential
 * backoff ({@link RestartBackoff}), stopped for good by {@link #stop}. Its supervision loop is one virtual thread;
 * each run has its own ({@link HelperRun}). Whenever a run ends, the routes it announced are withdrawn.
 */
final class SupervisedProcess {

    private static final EventLog LOG = EventLog.named("podbgp.process");

    private final ProcessSpec spec;
    private final ProcessSettings settings;
    private final Launcher launcher;
    private final ProcessRoutes routes;
    private final ProcessCommands commands;
    private final Clock clock;
    private final ProcessCounters counters;
    private final Thread supervision;
    private final Object lock = new Object();
    private final AtomicInteger starts = new AtomicInteger();
    /** The run in progress; null between runs. */
    private volatile HelperRun current;
    private boolean stopping;
    /** Whether the routes of the last run are withdrawn after a stop: not when the whole daemon stops. */
    private boolean withdrawOnStop = true;

    SupervisedProcess(ProcessSpec spec, ProcessSettings settings, Launcher launcher, ProcessRoutes routes,
            ProcessCommands commands, Clock clock, ProcessCounters counters) {
        this.spec = spec;
        this.counters = counters;
        this.settings = settings;
        this.launcher = launcher;
        this.routes = routes;
        this.commands = commands;
        this.clock = clock;
        this.supervision = Thread.ofVirtual().name("podbgp-process-" + spec.name()).unstarted(this::supervise);
    }

    ProcessSpec spec() {
        return spec;
    }

    void start() {
        supervision.start();
    }

    /** How many times the helper was started (restarts included). */
    int starts() {
        return starts.get();
    }

    /** The pid of the running helper, or -1 between runs. */
    long pid() {
        HelperRun r = current;
        return r == null ? -1 : r.pid();
    }

    void offer(PeerEvent event) {
        HelperRun r = current;
        if (r != null) {
            r.offer(event);
        }
    }

    private void supervise() {
        int exitsInARow = 0;
        while (true) {
            synchronized (lock) {
                if (stopping) {
                    return;
                }
            }
            Instant started = clock.instant();
            starts.incrementAndGet();
            counters.started(spec.name());
            String outcome;
            HelperRun run = null;
            try {
                run = HelperRun.start(spec, settings, launcher, commands, clock, counters);
                boolean stopNow;
                synchronized (lock) {
                    // Either stop() sees this run, or this sees that stop() was called: never a run left behind.
                    current = run;
                    stopNow = stopping;
                }
                if (stopNow) {
                    run.terminate(settings.stopGrace());
                }
                LOG.info("process-started").with("process", spec.name()).with("pid", run.pid())
                        .with("run", String.join(" ", spec.run())).log();
                outcome = "exit code " + run.awaitExit();
            } catch (IOException e) {
                outcome = "could not start: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            current = null;
            Duration ran = Duration.between(started, clock.instant());
            boolean withdraw;
            synchronized (lock) {
                withdraw = !stopping || withdrawOnStop;
            }
            List<Prefix> withdrawn = withdraw ? routes.release(spec.name()) : List.of();
            synchronized (lock) {
                if (stopping || !spec.respawn()) {
                    LOG.info("process-ended").with("process", spec.name()).with("pid", run == null ? -1 : run.pid())
                            .with("outcome", outcome).with("withdrawn", withdrawn.size()).log();
                    return;
                }
                exitsInARow = settings.backoff().nextExitCount(exitsInARow, ran);
                Duration delay = settings.backoff().delay(exitsInARow);
                LOG.warn("process-exited").with("process", spec.name()).with("pid", run == null ? -1 : run.pid())
                        .with("outcome", outcome).with("ran-ms", ran.toMillis()).with("withdrawn", withdrawn.size())
                        .with("restart-in-ms", delay.toMillis()).log();
                try {
                    // stop() wakes this wait.
                    long until = clock.millis() + delay.toMillis();
                    for (long left = delay.toMillis(); left > 0 && !stopping; left = until - clock.millis()) {
                        lock.wait(left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Stops the helper for good: SIGTERM after the shutdown line, SIGKILL after the grace; returns when it is gone
     * and its supervision has ended.
     *
     * @param withdraw whether its routes are withdrawn: yes when the config no longer has it, no when the daemon
     *     itself stops (its sessions end, or hand over to the next run of podbgp, with every route)
     */
    void stop(boolean withdraw) throws InterruptedException {
        HelperRun r;
        synchronized (lock) {
            stopping = true;
            withdrawOnStop = withdraw;
            r = current;
            lock.notifyAll();
        }
        if (r != null) {
            r.terminate(settings.stopGrace());
        }
        supervision.join();
    }
}
