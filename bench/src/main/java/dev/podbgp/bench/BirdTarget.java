package dev.podbgp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BIRD 2 in the foreground ({@code -f}, so this process owns it), with a kernel protocol
 * exporting every route to the main table. Its RIB count is the BGP protocol's imported routes.
 */
record BirdTarget() implements FullTableTarget {

    private static final Pattern IMPORTED = Pattern.compile("Routes:\\s+(\\d+) imported");

    @Override
    public String name() {
        return "bird";
    }

    @Override
    public Running start(String namespace, Path dir) throws IOException {
        Path config = dir.resolve("bird.conf");
        Path socket = dir.resolve("bird.ctl");
        Path log = dir.resolve("bird.log");
        Files.writeString(config, """
                router id %s;
                protocol device {}
                protocol kernel {
                  ipv4 { import none; export all; };
                }
                protocol bgp feeder {
                  local %s as %d;
                  neighbor %s as %d;
                  passive on;
                  hold time %d;
                  ipv4 { import all; export none; };
                }
                """.formatted(FullTableBenchmark.TARGET_ADDRESS, FullTableBenchmark.TARGET_ADDRESS, FullTableBenchmark.TARGET_AS,
                FullTableBenchmark.FEEDER_ADDRESS, FullTableBenchmark.FEEDER_AS, FullTableBenchmark.HOLD_TIME));
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
                    Matcher m = IMPORTED.matcher(Exec.check("birdc", "-s", socket.toString(), "show", "protocols", "all", "feeder"));
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
