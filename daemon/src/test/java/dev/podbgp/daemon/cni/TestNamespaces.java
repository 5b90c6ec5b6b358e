package dev.podbgp.daemon.cni;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Network namespaces for one test, named {@code pbt-<6 hex>-<label>}, all deleted on close
 * (processes a namespace still holds die with it when the last reference goes). The lab's
 * sweeper leaves {@code pbt-} names without an owner file alone, and the random part keeps
 * parallel runs apart. Needs root; without it the first {@code ip netns add} fails the test.
 */
final class TestNamespaces implements AutoCloseable {
    private final String prefix = "pbt-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2) + "-";
    private final Deque<Runnable> undo = new ArrayDeque<>();

    /** A fresh namespace with its loopback up. */
    TargetNamespace.Named add(String label) {
        String name = prefix + label;
        sh("ip", "netns", "add", name);
        undo.push(() -> Exec.run(List.of("ip", "netns", "del", name)));
        sh("ip", "-n", name, "link", "set", "lo", "up");
        return new TargetNamespace.Named(name);
    }

    /** A veth pair created directly inside both namespaces: no name ever appears on the host. */
    void veth(TargetNamespace.Named a, String aIf, TargetNamespace.Named b, String bIf) {
        sh("ip", "link", "add", aIf, "netns", a.name(), "type", "veth", "peer", "name", bIf, "netns", b.name());
        sh("ip", "-n", a.name(), "link", "set", aIf, "up");
        sh("ip", "-n", b.name(), "link", "set", bIf, "up");
    }

    /** Runs a command on the host side (ip -n ...), failing the test with its output if it fails. */
    static String sh(String... command) {
        return Exec.run(List.of(command)).orThrow();
    }

    /** Runs a command inside {@code ns}. */
    static Exec.Result in(TargetNamespace ns, String... command) {
        return Exec.run(ns.wrap(List.of(command)));
    }

    @Override
    public void close() {
        List<RuntimeException> errors = new ArrayList<>();
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw errors.getFirst();
        }
    }
}
