package dev.podbgp.e2e;

import dev.podbgp.daemon.cli.Main;
import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.PodbgpCommand;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.Node;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The podbgp daemon run as a process in a lab node from a config file a test writes itself (the demo's nodes have
 * one fixed shape of config). Its control socket and files live in the lab's directory; the lab stops it.
 */
record PodbgpProcess(Node node, LabProcess process, Path socket) {

    /**
     * Writes {@code yaml} and starts podbgp on it. {@code %SOCKET%} in the text is replaced by the control socket's
     * path, {@code %DIR%} by the node's own directory (for cni.confDir: never the host's /etc/cni).
     */
    static PodbgpProcess start(Node node, String yaml) {
        return start(node, yaml, java.util.List.of());
    }

    /** As {@link #start(Node, String)}, the daemon's JVM started with {@code jvmOptions} as well. */
    static PodbgpProcess start(Node node, String yaml, java.util.List<String> jvmOptions) {
        Path dir = node.lab().workDir().resolve(node.label());
        Path socket = dir.resolve("control.sock");
        Path config = dir.resolve("podbgp.yaml");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, yaml.replace("%SOCKET%", socket.toString()).replace("%DIR%", dir.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LabProcess p = node.start("podbgp", PodbgpCommand.run(config, jvmOptions));
        PodbgpProcess started = new PodbgpProcess(node, p, socket);
        Await.until("podbgp on " + node.label() + " to answer", Duration.ofSeconds(30), () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("podbgp on " + node.label() + " exited:\n" + p.logTail(30));
            }
            return Files.exists(socket) && started.run("show", "config") == 0;
        }, () -> p.logTail(30));
        return started;
    }

    /** A CLI command against the daemon, in this JVM (the control socket is a file); its output, or a failure. */
    String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, args);
        if (code != 0) {
            throw new IllegalStateException("podbgp " + String.join(" ", args) + " exited " + code + ": " + err);
        }
        return out.toString();
    }

    private int run(String... args) {
        return run(new StringWriter(), new StringWriter(), args);
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        String[] full = Arrays.copyOf(args, args.length + 2);
        full[args.length] = "--socket";
        full[args.length + 1] = socket.toString();
        return Main.execute(new PrintWriter(out), new PrintWriter(err), full);
    }

    /** {@code ip route show proto 244}: what podbgp programmed into its node's kernel. */
    String kernelRoutes() {
        return node.exec("ip", "route", "show", "proto", DemoNode.PODBGP_PROTO).orThrow();
    }
}
