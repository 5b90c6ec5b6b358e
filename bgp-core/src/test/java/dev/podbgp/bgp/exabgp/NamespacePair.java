package dev.podbgp.bgp.exabgp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair, addressed 10.255.0.1/30 + fd00:255::1/126 (side
 * A) and 10.255.0.2/30 + fd00:255::2/126 (side B). The addresses exist only inside the
 * namespaces, so nothing run in them can reach the host's networks. Names are unique and start
 * with {@code pbt-}; {@link #close()} kills every process left in them and deletes both.
 */
final class NamespacePair implements AutoCloseable {
    static final String A4 = "10.255.0.1";
    static final String B4 = "10.255.0.2";
    static final String A6 = "fd00:255::1";
    static final String B6 = "fd00:255::2";

    final String a;
    final String b;
    private final String vethA;
    private final String vethB;
    private boolean closed;

    NamespacePair() {
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        a = "pbt-ex-" + id + "-a";
        b = "pbt-ex-" + id + "-b";
        vethA = "pbt" + id + "a";
        vethB = "pbt" + id + "b";
    }

    void create() {
        requireRoot();
        ip("netns", "add", a);
        ip("netns", "add", b);
        ip("link", "add", vethA, "type", "veth", "peer", "name", vethB);
        ip("link", "set", vethA, "netns", a);
        ip("link", "set", vethB, "netns", b);
        ip("-n", a, "addr", "add", A4 + "/30", "dev", vethA);
        ip("-n", b, "addr", "add", B4 + "/30", "dev", vethB);
        // nodad: the addresses are usable at once instead of after duplicate detection (~1 s)
        ip("-n", a, "addr", "add", A6 + "/126", "dev", vethA, "nodad");
        ip("-n", b, "addr", "add", B6 + "/126", "dev", vethB, "nodad");
        for (String[] ns : new String[][] {{a, vethA}, {b, vethB}}) {
            ip("-n", ns[0], "link", "set", "lo", "up");
            ip("-n", ns[0], "link", "set", ns[1], "up");
        }
    }

    /** A command line that runs {@code command} inside namespace {@code ns}. */
    static List<String> inside(String ns, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(command);
        return cmd;
    }

    /** Kills what still runs in the namespaces (only ours: the names are unique), then deletes them. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String ns : List.of(a, b)) {
            String pids = run(List.of("ip", "netns", "pids", ns), false);
            for (String pid : pids.split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            run(List.of("ip", "netns", "del", ns), false);
        }
        // Deleting a namespace deletes its end of the veth, and that deletes the pair; this is
        // for a veth left in the host by a create() that failed half-way.
        run(List.of("ip", "link", "del", vethA), false);
    }

    static void requireRoot() {
        String uid = run(List.of("id", "-u"), true).trim();
        if (!uid.equals("0")) {
            throw new IllegalStateException("live ExaBGP capture needs root (network namespaces); uid is " + uid);
        }
    }

    private static void ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        run(cmd, true);
    }

    /** Runs a short command with a bound; {@code check} turns failure into an exception. */
    static String run(List<String> cmd, boolean check) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (check && p.exitValue() != 0) {
                throw new IllegalStateException(cmd + " failed (" + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            if (check) {
                throw new IllegalStateException("cannot run " + cmd + " (is iproute2 installed?)", e);
            }
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + cmd, e);
        }
    }
}
