package dev.podbgp.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A daemon the lab started inside a node, in the foreground, with stdout and stderr in a log
 * file. {@code ip netns exec} execs the command, so the process is the daemon itself (or its
 * launcher, e.g. ExaBGP's Python entry script); signals go to it and to all its descendants.
 */
public final class LabProcess {
    /** How long a daemon gets to exit on SIGTERM before SIGKILL. */
    static final Duration TERM_GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Path log;

    LabProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return log;
    }

    /** The last {@code lines} lines of the log. */
    public String logTail(int lines) {
        return tailOf(log, lines);
    }

    /** SIGSTOP: the daemon keeps its sockets but sends nothing, as a hung peer would. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String sig) {
        List<String> cmd = Stream.concat(Stream.of("kill", "-" + sig),
                Stream.concat(Stream.of(process.toHandle()), process.descendants())
                        .filter(ProcessHandle::isAlive).map(h -> Long.toString(h.pid()))).toList();
        if (cmd.size() > 2) {
            Shell.run(cmd);
        }
    }

    /**
     * SIGTERM, then SIGKILL after {@link #TERM_GRACE}. A frozen process cannot act on SIGTERM,
     * so it is continued first.
     */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> all = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        signal("CONT");
        all.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Children that outlived their parent (helper scripts) are killed outright.
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL to the process and its descendants, and waits for the exit: a crash, nothing cleaned up. */
    public void kill() {
        List<ProcessHandle> all = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of any file, or why it cannot be read. */
    public static String tailOf(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file + ")";
            }
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + pid() + "]";
    }
}
