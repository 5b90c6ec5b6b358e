package dev.podbgp.lab.bird;

import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.Shell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * BIRD 2.0.12's nearest thing to BGP unnumbered on one interface: {@code protocol radv} advertises
 * BIRD (lifetime 0, so nobody takes it as a default router), and a dynamic BGP protocol accepts any
 * link-local neighbour on the interface ({@code neighbor range fe80::/10 external; interface "IF"})
 * with {@code extended next hop on} for IPv4. BIRD has no neighbour discovery for BGP: it never
 * connects, so podbgp must. The kernel protocols install what BIRD learns.
 */
public final class UnnumberedBird {
    private static final Duration BIRDC_TIMEOUT = Duration.ofSeconds(5);

    private final Node node;
    private final Path dir;
    private final LabProcess bird;

    private UnnumberedBird(Node node, Path dir, LabProcess bird) {
        this.node = node;
        this.dir = dir;
        this.bird = bird;
    }

    /** @param originate IPv4 prefixes BIRD announces (static blackholes) */
    public static UnnumberedBird start(Node node, long as, Ipv4Address routerId, String interfaceName, List<Prefix> originate) {
        Path dir = node.lab().workDir().resolve(node.label() + "-bird");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("bird.conf"), render(as, routerId, interfaceName, originate, dir.resolve("bird.log")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LabProcess p = node.start("bird", List.of("bird", "-f", "-c", dir.resolve("bird.conf").toString(),
                "-s", dir.resolve("bird.ctl").toString(), "-P", dir.resolve("bird.pid").toString()));
        UnnumberedBird b = new UnnumberedBird(node, dir, p);
        node.lab().addDiagnostics("BIRD unnumbered on " + node.name(), b::logs);
        Await.until("BIRD on " + node.name() + " to answer birdc", Duration.ofSeconds(15), () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("bird exited during start-up:\n" + b.logs());
            }
            return b.birdcResult("show status").ok();
        }, b::logs);
        return b;
    }

    static String render(long as, Ipv4Address routerId, String ifName, List<Prefix> originate, Path log) {
        StringBuilder sb = new StringBuilder();
        sb.append("log \"").append(log).append("\" all;\n");
        sb.append("router id ").append(routerId).append(";\n");
        sb.append("protocol device { scan time 1; }\n");
        sb.append("protocol kernel k4 { ipv4 { export all; }; }\n");
        sb.append("protocol kernel k6 { ipv6 { export all; }; }\n");
        sb.append("protocol radv {\n  ipv6 { export none; };\n  interface \"").append(ifName)
                .append("\" { min ra interval 3; max ra interval 10; default lifetime 0; };\n}\n");
        sb.append("protocol static s4 {\n  ipv4;\n");
        originate.forEach(p -> sb.append("  route ").append(p).append(" blackhole;\n"));
        sb.append("}\n");
        sb.append("protocol bgp unnumbered {\n  local as ").append(as).append(";\n");
        sb.append("  neighbor range fe80::/10 external;\n  interface \"").append(ifName).append("\";\n");
        sb.append("  hold time 9;\n  keepalive time 3;\n");
        sb.append("  ipv4 { import all; export where source = RTS_STATIC; extended next hop on; };\n");
        sb.append("  ipv6 { import all; export none; };\n}\n");
        return sb.toString();
    }

    public String birdc(String command) {
        return birdcResult(command).orThrow();
    }

    private Shell.Result birdcResult(String command) {
        return Shell.run(node.inside(List.of("birdc", "-s", dir.resolve("bird.ctl").toString(), command)), BIRDC_TIMEOUT);
    }

    /** Whether a session BIRD spawned for a neighbour in the range ({@code dynbgp1}, ...) is Established. */
    public boolean established() {
        return birdc("show protocols").lines().anyMatch(l -> l.startsWith("dynbgp") && l.contains("Established"));
    }

    public String logs() {
        return "bird.log:\n" + LabProcess.tailOf(dir.resolve("bird.log"), 40) + "\nbird stdout:\n" + bird.logTail(10);
    }
}
