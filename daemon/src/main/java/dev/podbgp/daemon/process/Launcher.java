package dev.podbgp.daemon.process;

import dev.podbgp.config.ProcessSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a helper is started: its argv, run without a shell, with ExaBGP's environment. ExaBGP hands its helpers its
 * own environment plus {@code TERM=dumb} (so readline libraries print no escape codes into the pipe); podbgp does the
 * same and adds the {@code exabgp.api.*} settings the helper runs under, in ExaBGP's dotted spelling, so a helper can
 * tell whether its commands are acknowledged.
 *
 * @param prefix words put before the helper's argv: {@code ip netns exec NAME} when the daemon manages another
 *     network namespace, so the helper sees the addresses and services of the node it checks
 */
public record Launcher(List<String> prefix) {

    public static final Launcher DIRECT = new Launcher(List.of());

    public Launcher {
        prefix = List.copyOf(prefix);
    }

    /** For a daemon that manages the named network namespace (lab use). */
    public static Launcher inNamespace(Optional<String> namespace) {
        return namespace.map(ns -> new Launcher(List.of("/usr/bin/ip", "netns", "exec", ns))).orElse(DIRECT);
    }

    ProcessBuilder builder(ProcessSpec spec) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(spec.run());
        ProcessBuilder b = new ProcessBuilder(argv);
        Map<String, String> env = b.environment();
        env.put("TERM", "dumb");
        env.put("exabgp.api.ack", Boolean.toString(spec.ack()));
        env.put("exabgp.api.encoder", spec.encoder() == ProcessSpec.Encoder.JSON ? "json" : "text");
        env.put("exabgp.api.respawn", Boolean.toString(spec.respawn()));
        b.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        return b;
    }
}
