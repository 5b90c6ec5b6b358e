package dev.podbgp.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Removes what a crashed earlier run left behind. Every lab writes an owner file (the JVM's pid
 * and start time) into {@code /run/podbgp-lab/<run>/}; a run whose owner is no longer alive is
 * stale, and its namespaces {@code pbt-<run>-*} (with every process still inside), FRR
 * pathspaces and directory are deleted. Labs of JVMs still running, and {@code pbt-} namespaces
 * without an owner file (other tools' names), are left alone: this machine is shared.
 */
public final class Sweeper {
    static final Path ROOT = Path.of("/run/podbgp-lab");
    static final Path FRR_RUN = Path.of("/var/run/frr");
    private static boolean swept;

    private Sweeper() {}

    /** Sweeps once per JVM, before the first lab is made. */
    static synchronized void sweepOnce() {
        if (!swept) {
            swept = true;
            sweep();
        }
    }

    /** Deletes every stale run; returns the run ids it removed. */
    public static synchronized List<String> sweep() {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(ROOT)) {
            return removed;
        }
        try (Stream<Path> runs = Files.list(ROOT)) {
            for (Path dir : runs.toList()) {
                String run = dir.getFileName().toString();
                if (!ownerAlive(dir.resolve("owner"))) {
                    removeRun(run);
                    removed.add(run);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + ROOT, e);
        }
        return removed;
    }

    static String ownerLine() {
        ProcessHandle me = ProcessHandle.current();
        return me.pid() + " " + me.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("?");
    }

    /** Alive = a process with that pid exists and started when the owner file says (pids get reused). */
    private static boolean ownerAlive(Path owner) {
        try {
            String[] f = Files.readString(owner).trim().split(" ");
            Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(f[0]));
            return h.isPresent() && h.get().info().startInstant()
                    .map(i -> Long.toString(i.toEpochMilli())).orElse("?").equals(f[1]);
        } catch (IOException | RuntimeException e) {
            // No readable owner: a run that crashed while creating its directory.
            return false;
        }
    }

    /** Kills every process in the run's namespaces, then deletes them and the run's files. */
    static void removeRun(String run) {
        String prefix = "pbt-" + run + "-";
        for (String ns : namespaces()) {
            if (ns.startsWith(prefix)) {
                killAllInside(ns);
                Shell.run(List.of("ip", "netns", "del", ns));
            }
        }
        try (Stream<Path> dirs = Files.isDirectory(FRR_RUN) ? Files.list(FRR_RUN) : Stream.empty()) {
            dirs.filter(d -> d.getFileName().toString().startsWith(prefix)).forEach(Sweeper::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteTree(ROOT.resolve(run));
    }

    /** Names from {@code ip netns list} ("name (id: 3)" lines). */
    public static List<String> namespaces() {
        return Shell.run(List.of("ip", "netns", "list")).stdout().lines()
                .map(l -> l.split(" ")[0]).filter(s -> !s.isBlank()).toList();
    }

    static void killAllInside(String ns) {
        for (String pid : Shell.run(List.of("ip", "netns", "pids", ns)).stdout().split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
