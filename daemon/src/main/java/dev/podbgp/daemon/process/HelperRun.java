package dev.podbgp.daemon.process;

import dev.podbgp.config.ProcessSpec;
import dev.podbgp.log.EventLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of a helper: the OS process and its three streams, each with its own virtual thread. stdout lines become
 * commands, stderr lines become log lines, and one writer thread owns stdin, so events and answers reach the helper
 * in the order they were queued. Ends when the process exits and its stdout is drained.
 */
final class HelperRun {

    private static final EventLog LOG = EventLog.named("podbgp.process");

    /** What the writer thread writes: an event to render, or a ready line (an answer, the shutdown line). */
    private sealed interface Outgoing {
        record Event(PeerEvent event) implements Outgoing {}

        record Line(String text) implements Outgoing {}
    }

    private static final Outgoing STOP_WRITING = new Outgoing.Line("");

    private final ProcessSpec spec;
    private final ProcessSettings settings;
    private final Process process;
    private final ProcessCommands commands;
    private final EventEncoder encoder;
    private final BlockingQueue<Outgoing> toHelper;
    private final AtomicLong droppedEvents = new AtomicLong();
    private final LogBudget commandLogs;
    private final LogBudget stderrLogs;
    private final ProcessCounters counters;
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final Thread stdinWriter;

    private HelperRun(ProcessSpec spec, ProcessSettings settings, Process process, ProcessCommands commands,
            Clock clock, ProcessCounters counters) {
        this.spec = spec;
        this.counters = counters;
        this.settings = settings;
        this.process = process;
        this.commands = commands;
        this.encoder = new EventEncoder(spec, settings.origin(), clock);
        this.toHelper = new ArrayBlockingQueue<>(settings.queuedEvents());
        this.commandLogs = new LogBudget(settings.logLinesPerMinute(), Duration.ofMinutes(1), clock);
        this.stderrLogs = new LogBudget(settings.logLinesPerMinute(), Duration.ofMinutes(1), clock);
        String name = "podbgp-process-" + spec.name() + "-" + process.pid();
        this.stdoutReader = Thread.ofVirtual().name(name + "-stdout").unstarted(this::readCommands);
        this.stderrReader = Thread.ofVirtual().name(name + "-stderr").unstarted(this::readStderr);
        this.stdinWriter = Thread.ofVirtual().name(name + "-stdin").unstarted(this::writeToHelper);
    }

    static HelperRun start(ProcessSpec spec, ProcessSettings settings, Launcher launcher, ProcessCommands commands,
            Clock clock, ProcessCounters counters) throws IOException {
        Process p = launcher.builder(spec).start();
        HelperRun run = new HelperRun(spec, settings, p, commands, clock, counters);
        run.stdinWriter.start();
        run.stdoutReader.start();
        run.stderrReader.start();
        return run;
    }

    long pid() {
        return process.pid();
    }

    /** Queues an event without waiting: a helper that does not read its stdin loses events, never the session. */
    void offer(PeerEvent event) {
        if (!toHelper.offer(new Outgoing.Event(event))) {
            counters.eventDropped(spec.name());
            long dropped = droppedEvents.incrementAndGet();
            // A power of two: the first drop is logged, then ever more rarely.
            if (Long.bitCount(dropped) == 1) {
                LOG.warn("process-events-dropped").with("process", spec.name()).with("pid", process.pid())
                        .with("dropped", dropped).with("reason", "the helper does not read its stdin fast enough").log();
            }
        }
    }

    long droppedEvents() {
        return droppedEvents.get();
    }

    /** Waits for the process to end and for its last commands to be handled; returns its exit code. */
    int awaitExit() throws InterruptedException {
        int code = process.waitFor();
        // A child of the helper may still hold its stdout open; its lines are not waited for longer than this.
        if (!stdoutReader.join(settings.stopGrace()) || !stderrReader.join(settings.stopGrace())) {
            LOG.warn("process-streams-open").with("process", spec.name()).with("pid", process.pid())
                    .with("reason", "the helper exited but a program it started still holds its stdout or stderr").log();
        }
        toHelper.clear();
        toHelper.offer(STOP_WRITING);
        stdinWriter.join();
        return code;
    }

    /**
     * ExaBGP's stop: the shutdown line, a moment for the helper to read it, SIGTERM, and after {@code grace} SIGKILL.
     * Returns once the process is gone. A helper may still print its last withdrawals while it ends: they are
     * handled as usual.
     */
    void terminate(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        toHelper.offer(new Outgoing.Line(encoder.shutdown()));
        process.waitFor(settings.shutdownLineGrace().toMillis(), TimeUnit.MILLISECONDS);
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("process-killed").with("process", spec.name()).with("pid", process.pid())
                    .with("reason", "still running " + grace.toSeconds() + "s after SIGTERM").log();
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private void readCommands() {
        BoundedLineReader in = new BoundedLineReader(process.getInputStream(), settings.maxLineLength());
        try {
            for (BoundedLineReader.Line line = in.next(); line != null; line = in.next()) {
                String text = switch (line) {
                    case BoundedLineReader.Line.Text t -> t.text();
                    case BoundedLineReader.Line.TooLong t -> null;
                };
                Answer answer = text == null
                        ? new Answer.Error("a line of " + ((BoundedLineReader.Line.TooLong) line).length()
                                + " bytes is longer than the " + settings.maxLineLength() + " podbgp reads")
                        : commands.handle(text);
                report(text, answer);
                // Waits when the helper does not read its stdin: only this helper's reading stops. A helper that is
                // gone (a program it started still printing on its stdout) has nobody left to read the answer.
                if (spec.ack() && process.isAlive()) {
                    toHelper.put(new Outgoing.Line(answer.word()));
                }
            }
        } catch (IOException e) {
            LOG.debug("process-stdout-closed").with("process", spec.name()).with("error", e.getMessage()).log();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report(String text, Answer answer) {
        counters.command(spec.name(), answer instanceof Answer.Done);
        switch (answer) {
            case Answer.Done d -> LOG.debug("process-command").with("process", spec.name()).with("command", text)
                    .with("done", d.what()).log();
            case Answer.Error e -> {
                long held = commandLogs.take();
                if (held >= 0) {
                    LOG.warn("process-command-refused").with("process", spec.name()).with("pid", process.pid())
                            .with("command", text == null ? "" : abbreviated(text)).with("reason", e.reason())
                            .with("held-back", held).log();
                }
            }
        }
    }

    private void readStderr() {
        BoundedLineReader in = new BoundedLineReader(process.getErrorStream(), settings.maxLineLength());
        try {
            for (BoundedLineReader.Line line = in.next(); line != null; line = in.next()) {
                long held = stderrLogs.take();
                if (held >= 0) {
                    String text = line instanceof BoundedLineReader.Line.Text t ? abbreviated(t.text()) : "(a too long line)";
                    LOG.info("process-stderr").with("process", spec.name()).with("pid", process.pid())
                            .with("line", text).with("held-back", held).log();
                }
            }
        } catch (IOException e) {
            LOG.debug("process-stderr-closed").with("process", spec.name()).with("error", e.getMessage()).log();
        }
    }

    private void writeToHelper() {
        OutputStream out = process.getOutputStream();
        boolean broken = false;
        try {
            while (true) {
                Outgoing o = toHelper.take();
                if (o == STOP_WRITING) {
                    break;
                }
                if (broken) {
                    continue;
                }
                List<String> lines = switch (o) {
                    case Outgoing.Event e -> encoder.lines(e.event());
                    case Outgoing.Line l -> List.of(l.text());
                };
                try {
                    for (String line : lines) {
                        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                    out.flush();
                } catch (IOException e) {
                    // The helper closed its stdin or died: what is queued is dropped, the reader sees the exit.
                    broken = true;
                    LOG.debug("process-stdin-closed").with("process", spec.name()).with("error", e.getMessage()).log();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                out.close();
            } catch (IOException ignored) {
                // Already gone with the process.
            }
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
