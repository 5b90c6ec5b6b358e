package dev.podbgp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GoBGP's gobgpd, its gRPC API on the namespace's loopback. It has no kernel FIB of its own
 * (that would take zebra), so only its RIB is timed: the neighbour's accepted count from
 * {@code gobgp neighbor NEIGHBOR -j}, which runs inside the namespace to reach that API.
 */
record GobgpTarget() implements FullTableTarget {

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");
    private static final String API = "127.0.0.1";
    private static final String API_PORT = "50051";

    @Override
    public String name() {
        return "gobgp";
    }

    @Override
    public boolean hasFib() {
        return false;
    }

    @Override
    public Running start(String namespace, Path dir, FeedPlan plan) throws IOException {
        if (plan.feeders() != 1 || plan.hasIpv6()) {
            throw new IllegalArgumentException("the gobgp target takes one IPv4 feeder only");
        }
        Path config = dir.resolve("gobgpd.toml");
        Path log = dir.resolve("gobgpd.log");
        Files.writeString(config, """
                [global.config]
                  as = %d
                  router-id = "%s"
                  local-address-list = ["%s"]
                [[neighbors]]
                  [neighbors.config]
                    neighbor-address = "%s"
                    peer-as = %d
                  [neighbors.transport.config]
                    passive-mode = true
                  [neighbors.timers.config]
                    hold-time = %d
                    keepalive-interval = %d
                  [[neighbors.afi-safis]]
                    [neighbors.afi-safis.config]
                      afi-safi-name = "ipv4-unicast"
                """.formatted(FullTableBenchmark.TARGET_AS, FullTableBenchmark.TARGET_ADDRESS, FullTableBenchmark.TARGET_ADDRESS,
                FullTableBenchmark.FEEDER_ADDRESS, FullTableBenchmark.FEEDER_AS, FullTableBenchmark.HOLD_TIME,
                FullTableBenchmark.HOLD_TIME / 3));
        Process process = new ProcessBuilder("ip", "netns", "exec", namespace, "gobgpd", "-f", config.toString(),
                "--api-hosts", API + ":" + API_PORT, "--pprof-disable", "-p")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Running() {
            @Override
            public List<ProcessHandle> processes() {
                return List.of(process.toHandle());
            }

            @Override
            public long ribCount() throws InterruptedException {
                try {
                    Matcher m = ACCEPTED.matcher(Exec.check("ip", "netns", "exec", namespace, "gobgp", "-u", API, "-p", API_PORT,
                            "neighbor", FullTableBenchmark.FEEDER_ADDRESS, "-j"));
                    return m.find() ? Long.parseLong(m.group(1)) : -1;
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
