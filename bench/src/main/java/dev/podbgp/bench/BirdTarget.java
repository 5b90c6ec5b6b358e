package dev.podbgp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BIRD 2 in the foreground ({@code -f}, so this process owns it), one BGP protocol per feeder
 * and a kernel protocol per family exporting every best route to the main table. Its RIB count
 * is the sum of the BGP channels' imported routes.
 */
record BirdTarget() implements FullTableTarget {

    private static final Pattern IMPORTED = Pattern.compile("Routes:\\s+(\\d+) imported");

    @Override
    public String name() {
        return "bird";
    }

    @Override
    public Running start(String namespace, Path dir, FeedPlan plan) throws IOException {
        Path config = dir.resolve("bird.conf");
        Path socket = dir.resolve("bird.ctl");
        Path log = dir.resolve("bird.log");
        StringBuilder conf = new StringBuilder("""
                router id %s;
                protocol device {}
                protocol kernel {
                  ipv4 { import none; export all; };
                }
                """.formatted(FullTableBenchmark.TARGET_ADDRESS));
        if (plan.hasIpv6()) {
            conf.append("protocol kernel {\n  ipv6 { import none; export all; };\n}\n");
        }
        for (int i = 0; i < plan.feeders(); i++) {
            conf.append("""
                    protocol bgp feeder%d {
                      local %s as %d;
                      neighbor %s as %d;
                      passive on;
                      hold time %d;
                      ipv4 { import all; export none; };
                    %s}
                    """.formatted(i, FullTableBenchmark.TARGET_ADDRESS, FullTableBenchmark.TARGET_AS,
                    plan.feederAddress(i), plan.feederAs(i), FullTableBenchmark.HOLD_TIME,
                    plan.hasIpv6() ? "  ipv6 { import all; export none; };\n" : ""));
        }
        Files.writeString(config, conf);
        Process process = new ProcessBuilder("ip", "netns", "exec", namespace, "bird", "-f", "-c", config.toString(),
                "-s", socket.toString(), "-P", dir.resolve("bird.pid").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Running() {
            @Override
            public List<ProcessHandle> processes() {
                return List.of(process.toHandle());
            }

            @Override
            public long ribCount() throws InterruptedException {
                try {
                    // Every channel of every feeder's protocol; the kernel protocols import none.
                    Matcher m = IMPORTED.matcher(Exec.check("birdc", "-s", socket.toString(), "show", "protocols", "all"));
                    long routes = -1;
                    while (m.find()) {
                        routes = Math.max(routes, 0) + Long.parseLong(m.group(1));
                    }
                    return routes;
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public String logTail() throws IOException {
                return PodbgpTarget.tail(log, 30);
            }

            @Override
            public void close() throws InterruptedException {
                Exec.stop(process);
            }
        };
    }
}
