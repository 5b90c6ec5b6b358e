package dev.podbgp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real podbgp daemon process ({@code podbgp run}) from a checkout's daemon build, started as
 * that checkout's scripts/podbgp starts it: its scripts/jvm.options, its AOT cache when
 * scripts/aot-cache.sh made one for that build, {@code MALLOC_ARENA_MAX=2}. A checkout from before
 * jvm.options gets the flags its launcher had then. Its RIB count is the feeder peers' accepted
 * routes, summed, from the control socket's show-neighbors answer (one short line, unlike show-routes).
 *
 * @param name      how the results name it: {@code podbgp}, or {@code podbgp@DIR} for another checkout
 * @param classpath daemon/target/daemon-*.jar and daemon/target/lib/*
 * @param launch    the checkout's JVM options, before {@code jvmArgs}
 * @param environment what the checkout's launcher exports
 * @param jvmArgs   extra JVM options (e.g. -Xmx)
 */
record PodbgpTarget(String name, String classpath, List<String> launch, Map<String, String> environment,
                    List<String> jvmArgs) implements FullTableTarget {

    /** What scripts/podbgp passed before scripts/jvm.options existed. */
    private static final List<String> LEGACY_LAUNCH = List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xss512k");

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    static PodbgpTarget fromCheckout(String name, Path root, List<String> jvmArgs) throws IOException {
        Path target = root.resolve("daemon/target");
        try (var files = Files.list(target)) {
            Path jar = files.filter(p -> p.getFileName().toString().matches("daemon-.*\\.jar")
                            && !p.getFileName().toString().endsWith("-tests.jar"))
                    .findFirst().orElseThrow(() -> new IOException("no daemon jar in " + target
                            + ": run ./mvnw -B -ntp -pl daemon,bench -am package -DskipTests"));
            Path options = root.resolve("scripts/jvm.options");
            if (!Files.exists(options)) {
                return new PodbgpTarget(name, jar + ":" + target.resolve("lib") + "/*", LEGACY_LAUNCH, Map.of(), jvmArgs);
            }
            List<String> launch = new ArrayList<>(List.of("@" + options));
            Path cache = target.resolve("podbgp.aot");
            if (Files.exists(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                launch.add("-XX:AOTCache=" + cache);
            }
            return new PodbgpTarget(name, jar + ":" + target.resolve("lib") + "/*", launch,
                    Map.of("MALLOC_ARENA_MAX", "2"), jvmArgs);
        }
    }

    @Override
    public Running start(String namespace, Path dir, FeedPlan plan) throws IOException {
        Path socket = dir.resolve("control.sock");
        Path config = dir.resolve("podbgp.yaml");
        Files.createDirectories(dir.resolve("cni"));
        StringBuilder peers = new StringBuilder();
        for (int i = 0; i < plan.feeders(); i++) {
            peers.append("""
                      - address: %s
                        asn: %d
                        passive: true
                        timers: {holdTime: %d}
                        maxPrefix: {limit: 2000000}
                    """.formatted(plan.feederAddress(i), plan.feederAs(i), FullTableBenchmark.HOLD_TIME));
            if (plan.hasIpv6()) {
                peers.append("    families: [ipv4 unicast, ipv6 unicast]\n");
            }
        }
        Files.writeString(config, """
                node:
                  name: ftb
                  asn: %d
                  routerId: %s
                listen:
                  address: %s
                peers:
                %smesh:
                  enabled: false
                cni:
                  mtu: 1500
                  confDir: %s
                controlSocket: %s
                metrics:
                  enabled: false
                """.formatted(FullTableBenchmark.TARGET_AS, FullTableBenchmark.TARGET_ADDRESS, FullTableBenchmark.TARGET_ADDRESS,
                peers, dir.resolve("cni"), socket));
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(launch);
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classpath, "dev.podbgp.daemon.cli.Main", "run", "--config", config.toString()));
        Path log = dir.resolve("podbgp.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new Running() {
            @Override
            public List<ProcessHandle> processes() {
                return List.of(process.toHandle());
            }

            @Override
            public long ribCount() {
                if (!Files.exists(socket)) {
                    return -1;
                }
                try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                    OutputStream out = Channels.newOutputStream(channel);
                    out.write("{\"command\":\"show-neighbors\"}\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    InputStream in = Channels.newInputStream(channel);
                    StringBuilder line = new StringBuilder();
                    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                        line.append((char) b);
                    }
                    Matcher m = ACCEPTED.matcher(line);
                    long routes = -1;
                    while (m.find()) {
                        routes = Math.max(routes, 0) + Long.parseLong(m.group(1));
                    }
                    return routes;
                } catch (IOException e) {
                    return -1; // not listening yet
                }
            }

            @Override
            public String logTail() throws IOException {
                return tail(log, 30);
            }

            @Override
            public void close() throws InterruptedException {
                Exec.stop(process);
            }
        };
    }

    static String tail(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return "(no " + file + ")";
        }
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
