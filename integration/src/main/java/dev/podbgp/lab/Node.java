package dev.podbgp.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * One network namespace of the lab, named {@code pbt-<run>-<label>}. It starts with only its
 * loopback (up); links, LANs and processes are added through the {@link Lab}.
 */
public final class Node {
    /** An interface the lab created here, with the addresses it gave it (CIDR text). */
    record Interface(String name, List<String> addresses) {}

    private final Lab lab;
    private final String label;
    private final String name;
    private final List<Interface> interfaces = new ArrayList<>();
    private boolean forwarding;

    Node(Lab lab, String label, String name) {
        this.lab = lab;
        this.label = label;
        this.name = name;
    }

    public Lab lab() {
        return lab;
    }

    /** The short name the test gave it ("frr", "bird"). */
    public String label() {
        return label;
    }

    /** The namespace's name, as {@code ip netns} lists it. */
    public String name() {
        return name;
    }

    /** {@code command} prefixed so that it runs inside this namespace. */
    public List<String> inside(List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(command);
        return cmd;
    }

    /** Runs a short command inside the namespace. */
    public Shell.Result exec(String... command) {
        return Shell.run(inside(List.of(command)));
    }

    /** Starts a long-running daemon inside the namespace; the lab stops it on close. */
    public LabProcess start(String processName, List<String> command) {
        return lab.start(this, processName, command);
    }

    /** Lets this node route between its links (IPv4 and IPv6). */
    public void enableForwarding() {
        forwarding = true;
        applyForwarding();
    }

    synchronized void addInterface(String ifName, List<String> addresses) {
        interfaces.add(new Interface(ifName, List.copyOf(addresses)));
    }

    synchronized int interfaceCount() {
        return interfaces.size();
    }

    /** The interfaces the lab made here, by name, in the order it made them. */
    public synchronized List<String> interfaceNames() {
        return interfaces.stream().map(Interface::name).toList();
    }

    /**
     * Moves this node into the network namespace of process {@code pid} (a container started
     * with no network): every interface the lab made here is moved over and given its addresses
     * again, and the name {@code pbt-...} is re-bound to the process's namespace, so everything
     * that runs "inside the node" afterwards runs inside the container's network.
     */
    public synchronized void moveInto(long pid) {
        // Docker turns IPv6 off in the namespaces it makes; a link moved in takes the target's
        // defaults, so they must allow IPv6 before the move.
        Shell.check("nsenter", "--net=/proc/" + pid + "/ns/net", "sysctl", "-q", "-w",
                "net.ipv6.conf.all.disable_ipv6=0", "net.ipv6.conf.default.disable_ipv6=0");
        for (Interface i : interfaces) {
            Shell.check("ip", "-n", name, "link", "set", "dev", i.name(), "netns", Long.toString(pid));
        }
        Shell.check("ip", "netns", "del", name);
        Shell.check("ip", "netns", "attach", name, Long.toString(pid));
        Shell.check("ip", "-n", name, "link", "set", "lo", "up");
        for (Interface i : interfaces) {
            configure(i);
        }
        if (forwarding) {
            applyForwarding();
        }
    }

    void configure(Interface i) {
        for (String cidr : i.addresses()) {
            // nodad: an IPv6 address is usable at once, not after ~1 s of duplicate detection
            if (cidr.contains(":")) {
                Shell.check("ip", "-n", name, "addr", "add", cidr, "dev", i.name(), "nodad");
            } else {
                Shell.check("ip", "-n", name, "addr", "add", cidr, "dev", i.name());
            }
        }
        Shell.check("ip", "-n", name, "link", "set", i.name(), "up");
    }

    private void applyForwarding() {
        Shell.run(inside(List.of("sysctl", "-q", "-w", "net.ipv4.ip_forward=1"))).orThrow();
        Shell.run(inside(List.of("sysctl", "-q", "-w", "net.ipv6.conf.all.forwarding=1"))).orThrow();
    }

    @Override
    public String toString() {
        return name;
    }
}
