package dev.podbgp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FRR's zebra and bgpd in the foreground, as the integration lab runs them: a pathspace
 * ({@code -N}) per instance under /var/run/frr owned by frr, since the daemons drop to that
 * user. One neighbour per feeder; nothing is sent back (an out route-map that denies). The RIB
 * count is the sum of the neighbours' pfxRcd from {@code show bgp ipv4|ipv6 unicast summary json}.
 */
record FrrTarget() implements FullTableTarget {

    private static final Pattern RECEIVED = Pattern.compile("\"pfxRcd\"\\s*:\\s*(\\d+)");

    @Override
    public String name() {
        return "frr";
    }

    @Override
    public Running start(String namespace, Path dir, FeedPlan plan) throws IOException, InterruptedException {
        Path run = Path.of("/var/run/frr", namespace);
        Files.createDirectories(run);
        Exec.check("chown", "frr:frr", run.toString());
        Path config = dir.resolve("frr.conf");
        Path log = dir.resolve("frr.log");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        StringBuilder neighbors = new StringBuilder();
        StringBuilder ipv4 = new StringBuilder();
        StringBuilder ipv6 = new StringBuilder();
        for (int i = 0; i < plan.feeders(); i++) {
            String a = plan.feederAddress(i);
            neighbors.append(" neighbor %s remote-as %d\n neighbor %s passive\n neighbor %s timers 60 %d\n"
                    .formatted(a, plan.feederAs(i), a, a, FullTableBenchmark.HOLD_TIME));
            ipv4.append("  neighbor %s route-map NOTHING out\n".formatted(a));
            ipv6.append("  neighbor %s activate\n  neighbor %s route-map NOTHING out\n".formatted(a, a));
        }
        Files.writeString(config, """
                frr defaults traditional
                hostname ftb
                log file %s
                !
                router bgp %d
                 bgp router-id %s
                 no bgp ebgp-requires-policy
                %s address-family ipv4 unicast
                %s exit-address-family
                %s!
                route-map NOTHING deny 10
                !
                """.formatted(log, FullTableBenchmark.TARGET_AS, FullTableBenchmark.TARGET_ADDRESS, neighbors, ipv4,
                plan.hasIpv6() ? " address-family ipv6 unicast\n" + ipv6 + " exit-address-family\n" : ""));
        Files.writeString(log, "");
        Exec.check("chown", "frr:frr", log.toString());
        Process zebra = null;
        Process bgpd = null;
        try {
            zebra = daemon(namespace, "zebra", config, run, dir);
            for (int i = 0; i < 150 && !Files.exists(run.resolve("zserv.api")) && zebra.isAlive(); i++) {
                Thread.sleep(100); // bgpd started before zebra listens only retries
            }
            bgpd = daemon(namespace, "bgpd", config, run, dir);
        } catch (IOException | RuntimeException e) {
            Exec.stop(bgpd);
            Exec.stop(zebra);
            throw e;
        }
        Process z = zebra;
        Process b = bgpd;
        return new Running() {
            @Override
            public List<ProcessHandle> processes() {
                return List.of(b.toHandle(), z.toHandle());
            }

            @Override
            public long ribCount() throws InterruptedException {
                try {
                    long routes = -1;
                    for (String family : plan.hasIpv6() ? List.of("ipv4", "ipv6") : List.of("ipv4")) {
                        Matcher m = RECEIVED.matcher(Exec.check("vtysh", "-N", namespace, "-c",
                                "show bgp " + family + " unicast summary json"));
                        while (m.find()) {
                            routes = Math.max(routes, 0) + Long.parseLong(m.group(1));
                        }
                    }
                    return routes;
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public String logTail() throws IOException {
                return PodbgpTarget.tail(log, 30) + "\n" + PodbgpTarget.tail(dir.resolve("bgpd.out"), 10)
                        + "\n" + PodbgpTarget.tail(dir.resolve("zebra.out"), 10);
            }

            @Override
            public void close() throws IOException, InterruptedException {
                Exec.stop(b);
                Exec.stop(z);
                Exec.check("rm", "-rf", "--one-file-system", run.toString());
            }
        };
    }

    private static Process daemon(String namespace, String name, Path config, Path run, Path dir) throws IOException {
        return new ProcessBuilder("ip", "netns", "exec", namespace, "/usr/lib/frr/" + name, "-N", namespace,
                "-f", config.toString(), "-i", run.resolve(name + ".pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
    }
}
