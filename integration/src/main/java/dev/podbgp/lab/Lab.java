package dev.podbgp.lab;

import dev.podbgp.inet.IpAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One lab: namespaces, links, LANs and daemons, all removed by {@link #close()} in reverse order
 * of creation. Close runs from {@link LabExtension} after each test (passed or failed), from
 * try-with-resources when used directly, and from a JVM shutdown hook; what a killed JVM leaves
 * is removed by the {@link Sweeper} of the next run. Set {@code PODBGP_LAB_KEEP=1} to keep a
 * failed test's lab for inspection.
 *
 * <p>Names: run id = 6 hex digits; namespaces {@code pbt-<run>-<label>}; files (configs, logs,
 * control sockets) under {@code /run/podbgp-lab/<run>/}.
 */
public final class Lab implements AutoCloseable {
    public static final String KEEP_ENV = "PODBGP_LAB_KEEP";
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9]{0,7}");

    private final String run;
    private final Path dir;
    private final Cleanup cleanup = new Cleanup();
    private final Thread hook;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Lan> lans = new ArrayList<>();
    private final List<LabProcess> processes = new ArrayList<>();
    private final Map<String, Supplier<String>> diagnostics = new LinkedHashMap<>();
    private boolean closed;

    private Lab(String run, Path dir) {
        this.run = run;
        this.dir = dir;
        this.hook = new Thread(this::closeQuietly, "pbt-lab-" + run + "-cleanup");
    }

    /** Sweeps stale runs (once per JVM), then makes an empty lab. Needs root. */
    public static Lab create() {
        requireRoot();
        Sweeper.sweepOnce();
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        Path dir = Sweeper.ROOT.resolve(run);
        try {
            Files.createDirectories(Sweeper.ROOT);
            // Daemons that drop privileges (FRR runs as frr) read their configs from here.
            Files.setPosixFilePermissions(Sweeper.ROOT, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectory(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(dir.resolve("owner"), Sweeper.ownerLine());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lab directory " + dir, e);
        }
        Lab lab = new Lab(run, dir);
        lab.cleanup.register("delete " + dir, () -> Sweeper.deleteTree(dir));
        Runtime.getRuntime().addShutdownHook(lab.hook);
        return lab;
    }

    private static void requireRoot() {
        String uid = Shell.check("id", "-u").trim();
        if (!uid.equals("0")) {
            throw new IllegalStateException("the lab needs root (network namespaces); uid is " + uid
                    + ". Run the tests as root, e.g. via scripts/test.sh in CI.");
        }
    }

    public String run() {
        return run;
    }

    /** Prefix shared by every namespace of this lab. */
    public String namePrefix() {
        return "pbt-" + run + "-";
    }

    public Path workDir() {
        return dir;
    }

    /** A fresh namespace with its loopback up. {@code label}: 1-8 of [a-z0-9], starting with a letter. */
    public synchronized Node node(String label) {
        ensureOpen();
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("node label must match " + LABEL + ": " + label);
        }
        String name = namePrefix() + label;
        if (nodes.stream().anyMatch(n -> n.name().equals(name))) {
            throw new IllegalArgumentException("node " + label + " exists already");
        }
        Shell.check("ip", "netns", "add", name);
        cleanup.register("delete namespace " + name, () -> {
            Sweeper.killAllInside(name);
            Shell.run(List.of("ip", "netns", "del", name)).orThrow();
        });
        Node node = new Node(this, label, name);
        nodes.add(node);
        Shell.check("ip", "-n", name, "link", "set", "lo", "up");
        return node;
    }

    /**
     * A veth pair between {@code a} and {@code b}. Both ends are created directly inside their
     * namespaces ({@code ip link add ... netns}), so no name ever appears in the host namespace.
     * Interfaces are named {@code ethN}, N counting per node.
     */
    public synchronized Link link(Node a, Node b) {
        ensureOpen();
        int i = links.size() + 1;
        if (i > 255) {
            throw new IllegalStateException("the address plan has room for 255 links");
        }
        String aIf = "eth" + a.interfaceCount();
        String bIf = "eth" + b.interfaceCount();
        Shell.check("ip", "link", "add", aIf, "netns", a.name(), "type", "veth", "peer", "name", bIf, "netns", b.name());
        Link link = new Link(a, b, aIf, bIf, IpAddress.parse("10.77." + i + ".1"), IpAddress.parse("10.77." + i + ".2"),
                IpAddress.parse("fd00:77:" + Integer.toHexString(i) + "::1"),
                IpAddress.parse("fd00:77:" + Integer.toHexString(i) + "::2"));
        Node.Interface ai = new Node.Interface(aIf, List.of(link.a4() + "/24", link.a6() + "/64"));
        Node.Interface bi = new Node.Interface(bIf, List.of(link.b4() + "/24", link.b6() + "/64"));
        a.addInterface(ai.name(), ai.addresses());
        b.addInterface(bi.name(), bi.addresses());
        a.configure(ai);
        b.configure(bi);
        links.add(link);
        return link;
    }

    /**
     * A veth pair between {@code a} and {@code b} with no address but the IPv6 link-local ones the kernel
     * gives it: an unnumbered link (RFC 8950 peering). Duplicate address detection is off on both ends, so
     * the link-local addresses are usable as soon as the link is up. Returns the interface names, a's first.
     */
    public synchronized List<String> bareLink(Node a, Node b) {
        ensureOpen();
        String aIf = "eth" + a.interfaceCount();
        String bIf = "eth" + b.interfaceCount();
        Shell.check("ip", "link", "add", aIf, "netns", a.name(), "type", "veth", "peer", "name", bIf, "netns", b.name());
        for (Node n : List.of(a, b)) {
            String ifName = n == a ? aIf : bIf;
            n.addInterface(ifName, List.of());
            Shell.run(n.inside(List.of("sysctl", "-q", "-w", "net.ipv6.conf." + ifName + ".accept_dad=0"))).orThrow();
            Shell.check("ip", "-n", n.name(), "link", "set", ifName, "up");
        }
        return List.of(aIf, bIf);
    }

    /** A switched segment for three or more nodes: a bridge in its own switch namespace. */
    public synchronized Lan lan(List<Node> members) {
        ensureOpen();
        int j = lans.size() + 1;
        Node sw = node("sw" + j);
        Shell.check("ip", "-n", sw.name(), "link", "add", "br0", "type", "bridge");
        Shell.check("ip", "-n", sw.name(), "link", "set", "br0", "up");
        Map<Node, IpAddress> v4 = new LinkedHashMap<>();
        Map<Node, IpAddress> v6 = new LinkedHashMap<>();
        String ifName = "lan" + j;
        for (int k = 0; k < members.size(); k++) {
            Node m = members.get(k);
            String port = "p" + k;
            Shell.check("ip", "link", "add", ifName, "netns", m.name(), "type", "veth", "peer", "name", port,
                    "netns", sw.name());
            Shell.check("ip", "-n", sw.name(), "link", "set", port, "master", "br0", "up");
            IpAddress a4 = IpAddress.parse("10.78." + j + "." + (k + 1));
            IpAddress a6 = IpAddress.parse("fd00:78:" + Integer.toHexString(j) + "::" + Integer.toHexString(k + 1));
            v4.put(m, a4);
            v6.put(m, a6);
            Node.Interface mi = new Node.Interface(ifName, List.of(a4 + "/24", a6 + "/64"));
            m.addInterface(mi.name(), mi.addresses());
            m.configure(mi);
        }
        Lan lan = new Lan(sw, List.copyOf(members), ifName, Map.copyOf(v4), Map.copyOf(v6));
        lans.add(lan);
        return lan;
    }

    synchronized LabProcess start(Node node, String processName, List<String> command) {
        ensureOpen();
        Path log = dir.resolve(node.label() + "-" + processName + ".log");
        Process p;
        try {
            p = new ProcessBuilder(node.inside(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command + " in " + node, e);
        }
        LabProcess lp = new LabProcess(node.label() + "/" + processName, p, log);
        processes.add(lp);
        cleanup.register("stop " + lp, lp::stop);
        return lp;
    }

    /** Registers an undo action (a fixture's own files, a container); runs before older ones. */
    public void onClose(String what, Runnable action) {
        ensureOpen();
        cleanup.register(what, action);
    }

    /** Adds a section to {@link #report()}: a fixture's state and log tails. */
    public synchronized void addDiagnostics(String title, Supplier<String> section) {
        diagnostics.put(title, section);
    }

    public synchronized List<LabProcess> processes() {
        return List.copyOf(processes);
    }

    public synchronized List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** Everything a failed test's reader needs: topology, processes, each fixture's section. */
    public synchronized String report() {
        StringBuilder sb = new StringBuilder("lab ").append(run).append(" (files in ").append(dir).append(")\n");
        nodes.forEach(n -> sb.append("  node ").append(n.name()).append('\n'));
        links.forEach(l -> sb.append("  link ").append(l).append('\n'));
        lans.forEach(l -> sb.append("  lan  ").append(l.switchNode().label()).append(' ').append(l.ipv4()).append('\n'));
        processes.forEach(p -> sb.append("  process ").append(p).append(p.isAlive() ? " alive" : " exited").append('\n'));
        diagnostics.forEach((title, section) -> {
            String text;
            try {
                text = section.get();
            } catch (RuntimeException e) {
                text = "(unavailable: " + e + ")";
            }
            sb.append("--- ").append(title).append('\n').append(text).append('\n');
        });
        return sb.toString();
    }

    /** Stops every process, deletes every namespace and file of this lab; fails if any step failed. */
    @Override
    public void close() {
        List<String> failures = closeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting; the hook runs or has run
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("lab " + run + " cleanup failed: " + failures);
        }
    }

    private synchronized List<String> closeQuietly() {
        if (closed) {
            return List.of();
        }
        closed = true;
        return cleanup.runAll();
    }

    /**
     * Leaves everything running for inspection (keep-on-failure) and prints how to reach it.
     * The owner file names this JVM, so the first lab of a later run sweeps it.
     */
    public synchronized String keep() {
        closed = true;
        cleanup.discard();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // nothing to undo
        }
        return "lab " + run + " kept for inspection (" + KEEP_ENV + "=1): namespaces "
                + nodes.stream().map(Node::name).toList() + ", files in " + dir
                + "; e.g. ip netns exec " + (nodes.isEmpty() ? "NAME" : nodes.getFirst().name()) + " ss -tnp;"
                + " the next test run sweeps it";
    }

    public static boolean keepRequested() {
        return "1".equals(System.getenv(KEEP_ENV));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("lab " + run + " is closed");
        }
    }
}
