package dev.podbgp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short external commands (ip, birdc, vtysh) with a bounded wait. */
final class Exec {
    private Exec() {}

    /** Runs {@code command} and returns its stdout; fails on a non-zero exit or after 20 s. */
    static String check(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read before waiting: a large answer would otherwise fill the pipe and never exit.
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    static String check(String... command) throws IOException, InterruptedException {
        return check(List.of(command));
    }

    /** Ends {@code process} with SIGTERM, then SIGKILL, each wait bounded. */
    static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
