package dev.podbgp.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short commands (ip, vtysh, birdc, gobgp) with a bound on how long they may take. */
public final class Shell {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private Shell() {}

    /** What a finished command printed and returned. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** Returns stdout, or throws with everything the command printed. */
        public String orThrow() {
            if (!ok()) {
                throw new IllegalStateException(command + " exited " + exitCode + "\nstdout: " + stdout
                        + "\nstderr: " + stderr);
            }
            return stdout;
        }
    }

    public static Result run(List<String> command) {
        return run(command, DEFAULT_TIMEOUT);
    }

    /**
     * Output goes to files rather than pipes: a command that prints more than a pipe holds
     * cannot block, and the wait below stays the only bound.
     */
    public static Result run(List<String> command, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("pbt-sh-", ".out");
            err = Files.createTempFile("pbt-sh-", ".err");
            Process p = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("timed out after " + timeout + ": " + command
                        + "\nstdout so far: " + Files.readString(out));
            }
            return new Result(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Runs and returns stdout; a non-zero exit is an exception carrying both outputs. */
    public static String check(String... command) {
        return run(List.of(command)).orThrow();
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray file in /tmp is harmless
            }
        }
    }
}
