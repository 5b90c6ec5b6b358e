package dev.podbgp.demo;

import dev.podbgp.daemon.cli.DemoRunner;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.Sweeper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * {@code podbgp demo}: builds {@link DemoTopology}, starts podbgp on both nodes, attaches a pod
 * to each with the conflist podbgp wrote, and shows the sessions, the kernel routes, a ping and a
 * TCP exchange between the pods. Registered for {@link java.util.ServiceLoader} under
 * META-INF/services. The lab is removed at the end, on failure and on Ctrl-C (the lab's shutdown
 * hook), unless {@code --keep}.
 */
public final class PodbgpDemo implements DemoRunner {
    private static final Duration SETTLE = Duration.ofSeconds(40);

    @Override
    public int run(boolean keep, PrintWriter out) {
        Lab lab;
        try {
            lab = Lab.create();
        } catch (RuntimeException e) {
            out.println("podbgp demo: cannot create the lab: " + e.getMessage());
            out.flush();
            return 1;
        }
        boolean ok = false;
        try {
            show(lab, out);
            ok = true;
        } catch (Exception e) {
            out.println();
            out.println("podbgp demo FAILED: " + e.getMessage());
            out.println("What the lab looked like:");
            out.println(PodTraffic.indent(lab.report()));
        } finally {
            if (ok && keep) {
                lab.keep();
                out.println();
                keptInstructions(lab, out);
            } else {
                heading(out, "Tearing down");
                lab.close();
                out.println("  Stopped podbgp (SIGTERM: Cease to the router, routes removed), FRR and the pods;");
                out.println("  deleted every namespace and file of lab " + lab.run() + ".");
            }
            out.flush();
        }
        return ok ? 0 : 1;
    }

    @Override
    public int teardown(PrintWriter out) {
        List<String> removed = Sweeper.sweep();
        out.println(removed.isEmpty() ? "podbgp demo: no kept lab to remove (labs of running processes are left alone)"
                : "podbgp demo: removed " + removed);
        out.flush();
        return 0;
    }

    private static void show(Lab lab, PrintWriter out) throws Exception {
        heading(out, "1. The lab: a top-of-rack router and two nodes, each in its own network namespace");
        DemoTopology t = DemoTopology.build(lab);
        DemoNode n1 = t.node1();
        DemoNode n2 = t.node2();
        picture(t).forEach(l -> out.println("  " + l));
        out.println("  Each node's default route points at the router; the router knows no pod network yet.");
        out.flush();

        heading(out, "2. Starting podbgp on each node (its own process, inside the node's namespace)");
        for (DemoNode n : t.nodes()) {
            LabProcess p = n.startPodbgp();
            out.println("  ip netns exec " + n.node().name() + " podbgp run --config " + n.configFile() + "   (pid " + p.pid() + ")");
        }
        out.println("  podbgp wrote each node's bridge CNI conflist, enabled forwarding and its nftables table,");
        out.println("  and opened a BGP session to the router.");
        t.tor().awaitEstablished(SETTLE);
        awaitRoute(n1, n2.config().podCidrs().getFirst());
        awaitRoute(n2, n1.config().podCidrs().getFirst());
        out.flush();

        heading(out, "3. BGP sessions");
        for (DemoNode n : t.nodes()) {
            out.println("  $ podbgp show neighbors          (on " + n.node().label() + ")");
            out.println(PodTraffic.indent(check(n.cli("show", "neighbors"))));
            out.println();
        }
        out.println("  Received 2, accepted 1: the router also offers each node its own pods back; podbgp drops");
        out.println("  that path because its own AS is in it (RFC 4271 §9.1.2).");
        out.println();
        out.println("  $ vtysh -c 'show bgp ipv4 unicast summary'    (on the router)");
        out.println(PodTraffic.indent(t.tor().vtysh("show bgp ipv4 unicast summary").strip()));
        out.flush();

        heading(out, "4. Pods, attached by the bridge CNI plugin from the conflist podbgp wrote");
        Pod p1 = n1.addPod();
        Pod p2 = n2.addPod();
        out.println("  " + n1.conflistFile() + " -> pod " + p1);
        out.println("  " + n2.conflistFile() + " -> pod " + p2);
        out.flush();

        heading(out, "5. Routes each node's kernel learned through podbgp (ip route show proto podbgp)");
        for (DemoNode n : t.nodes()) {
            out.println("  " + n.node().label() + ":");
            out.println(PodTraffic.indent(n.kernelRoutes().strip()));
        }
        out.println("  router (installed by FRR's zebra from the nodes' announcements):");
        out.println(PodTraffic.indent(t.torNode().exec("ip", "route", "show", "proto", "bgp").orThrow().strip()));
        out.flush();

        heading(out, "6. ping from the pod on node1 to the pod on node2");
        out.println("  $ ip netns exec " + p1.namespace().name() + " ping -c 3 " + p2.address());
        PodTraffic.PingResult ping = PodTraffic.ping(p1, p2, 3);
        out.println(PodTraffic.indent(ping.output()));
        if (!ping.ok()) {
            throw new IllegalStateException("the ping from " + p1 + " to " + p2 + " did not come back");
        }
        out.flush();

        heading(out, "7. A TCP exchange between the same pods (port " + PodTraffic.TCP_PORT + ")");
        PodTraffic.TcpExchange tcp = PodTraffic.tcp(p1, p2);
        out.println("  " + p1.address() + " sent:     " + tcp.sent());
        out.println("  " + p2.address() + " answered: " + tcp.received());
        out.println("  The server saw the pod's own address " + tcp.serverSaw()
                + ": routed end to end, no NAT between pods.");
        if (!tcp.serverSaw().equals(p1.address().toString())) {
            throw new IllegalStateException("the server saw " + tcp.serverSaw() + ", not " + p1.address());
        }
        out.flush();
    }

    private static void awaitRoute(DemoNode n, Prefix p) {
        Await.until(n.node().label() + "'s kernel to get " + p + " from podbgp", SETTLE, () -> n.kernelHasRoute(p),
                () -> n.podbgp().map(proc -> proc.logTail(30)).orElse(""));
    }

    private static String check(DemoNode.CliResult r) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException("podbgp CLI exited " + r.exitCode() + ": " + r.err());
        }
        return r.out().stripTrailing();
    }

    private static void keptInstructions(Lab lab, PrintWriter out) {
        heading(out, "The lab stays up (--keep)");
        List<Node> nodes = lab.nodes();
        out.println("  namespaces: " + String.join(" ", nodes.stream().map(Node::name).toList()));
        out.println("  files (configs, logs, control sockets): " + lab.workDir());
        String node1 = lab.namePrefix() + "node1";
        out.println("  Enter a node:        ip netns exec " + node1 + " bash");
        out.println("  Ask its podbgp:      scripts/podbgp show routes --socket " + lab.workDir().resolve("node1/podbgp.sock"));
        out.println("  Ask the router:      vtysh -N " + lab.namePrefix() + "tor -c 'show bgp ipv4 unicast'");
        out.println("  Change a node:       edit " + lab.workDir().resolve("node1/podbgp.yaml")
                + ", then scripts/podbgp reload --socket " + lab.workDir().resolve("node1/podbgp.sock"));
        out.println("  Tear it all down:    scripts/podbgp demo --teardown");
    }

    private static void heading(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.println();
    }

    /** The topology with this run's names and addresses. */
    private static List<String> picture(DemoTopology t) {
        NodeConfig c1 = t.node1().config();
        NodeConfig c2 = t.node2().config();
        return List.of(
                at("", 16, t.torNode().name()),
                at("", 10, "FRR, AS " + DemoTopology.TOR_AS + ", the top-of-rack router"),
                at(endingAt(c1.torAddress() + " /", 20), 33, "\\ " + c2.torAddress()),
                at(endingAt("/", 19), 34, "\\"),
                at(endingAt(c1.address() + " /", 18), 35, "\\ " + c2.address()),
                at(t.node1().node().name(), 36, t.node2().node().name()),
                at("podbgp, AS " + c1.asn(), 36, "podbgp, AS " + c2.asn()),
                at("pods " + c1.podCidrs().getFirst(), 36, "pods " + c2.podCidrs().getFirst()));
    }

    /** {@code line} padded to {@code column}, then {@code text}. */
    private static String at(String line, int column, String text) {
        return pad(line, column) + text;
    }

    /** {@code text} indented so that its last character is at {@code column}. */
    private static String endingAt(String text, int column) {
        return " ".repeat(Math.max(0, column + 1 - text.length())) + text;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
