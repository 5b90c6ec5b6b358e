package dev.podbgp.daemon.cni;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one short external command with its input, extra environment and a time bound. */
final class Exec {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private Exec() {}

    /** What a finished command printed and returned. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }

        /** stdout, or an exception carrying everything the command printed. */
        String orThrow() {
            if (!ok()) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exitCode
                        + (stderr.isBlank() ? "" : ": " + stderr.strip())
                        + (stdout.isBlank() ? "" : " (stdout: " + stdout.strip() + ")"));
            }
            return stdout;
        }
    }

    static Result run(List<String> command) {
        return run(command, new byte[0], Map.of(), DEFAULT_TIMEOUT);
    }

    /**
     * Output goes to temporary files, not pipes: a command that prints more than a pipe holds
     * cannot block while we wait, so the timeout stays the only bound. Input is small (a config
     * or an nft script) and is written before the wait.
     */
    static Result run(List<String> command, byte[] stdin, Map<String, String> env, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("podbgp-exec-", ".out");
            err = Files.createTempFile("podbgp-exec-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the command exited without reading its input; its exit code and stderr say why
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            return new Result(List.copyOf(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray temporary file is harmless
            }
        }
    }
}
