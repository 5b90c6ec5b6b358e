package dev.podbgp.e2e;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.demo.PodbgpCommand;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16 (idle memory): a static-config daemon and the CLI load no Jackson class and no picocli class. Each class
 * costs about 8 KB of metadata for the life of the process: Jackson databind is about 600 of them, picocli's annotation
 * model about 365 (its own and the ClassFile API the JDK builds annotation proxies with). The daemon's JSON (control
 * socket, conflist, {@code ip -j}, JSON logs) and its command-line parser are its own. The JVMs' class-load logs are
 * the proof: a session Established with FRR, a route in the kernel, the conflist written with the uplink's MTU (read
 * with {@code ip -j}), JSON log lines, and the CLI asking for neighbours and routes as JSON. The test classpath holds Jackson (Kubernetes mode needs it),
 * so a class that reached for it would load it; picocli is on no classpath, so a reference to it would fail to load.
 */
@ExtendWith(LabExtension.class)
class StaticRunLoadsNoJacksonE2ETest {

    @Test
    void idleStaticDaemonAndCli_loadNoJacksonOrPicocliClass(Lab lab) throws IOException {
        Node pod = lab.node("pod");
        Node tor = lab.node("tor");
        Link up = lab.link(pod, tor);
        IpAddress podAddress = up.address(pod, IPV4);
        IpAddress torAddress = up.address(tor, IPV4);
        FrrPeer frr = FrrPeer.start(tor, PeerConfig.of(torAddress.toString(), 65100)
                .neighbor(Neighbor.of(torAddress, podAddress, 65000)).route(Route.of("10.1.0.0/24")));
        Path dir = lab.workDir().resolve(pod.label());
        Path daemonClasses = dir.resolve("daemon-classes.log");
        PodbgpProcess podbgp = PodbgpProcess.start(pod, """
                node: {name: pod, routerId: %s, asn: 65000, podCidrs: [10.240.1.0/24], clusterPodCidrs: [10.240.0.0/16]}
                peers:
                  - {address: %s, asn: 65100, timers: {holdTime: 9, keepalive: 3, connectRetry: 1}}
                metrics: {enabled: false}
                logging: {format: json}
                cni: {confDir: %%DIR%%/cni}
                controlSocket: %%SOCKET%%
                """.formatted(podAddress, torAddress), List.of("-Xlog:class+load:file=" + daemonClasses));

        Await.until("the session with FRR", Duration.ofSeconds(60), () -> frr.state(podAddress) == SessionState.ESTABLISHED,
                () -> podbgp.cli("show", "neighbors"));
        Await.until("FRR's route in the node's kernel", Duration.ofSeconds(60),
                () -> podbgp.kernelRoutes().contains("10.1.0.0/24"), podbgp::kernelRoutes);
        assertThat(Files.readString(dir.resolve("cni/10-podbgp.conflist"))).contains("\"mtu\": 1500");

        Path cliClasses = dir.resolve("cli-classes.log");
        String json = pod.exec(PodbgpCommand.java(List.of("-Xlog:class+load:file=" + cliClasses),
                List.of("show", "routes", "-o", "json", "--socket", podbgp.socket().toString())).toArray(String[]::new))
                .orThrow();
        assertThat(json).contains("\"prefix\": \"10.1.0.0/24\"");

        assertNoJacksonOrPicocli(daemonClasses, "dev.podbgp.daemon.cni.UplinkMtu");
        assertNoJacksonOrPicocli(cliClasses, "dev.podbgp.daemon.control.ControlClient");
        // The daemon still has a few: Netty reads its handlers' @Sharable and @Skip. The CLI starts no Netty.
        assertThat(Files.readAllLines(cliClasses).stream().filter(l -> l.contains("$Proxy")).limit(5).toList())
                .as("annotation proxies the CLI made, in " + cliClasses).isEmpty();
    }

    /** The log names {@code expected} (it is a class-load log of that JVM) and no com.fasterxml or picocli class. */
    private static void assertNoJacksonOrPicocli(Path classLoadLog, String expected) throws IOException {
        List<String> lines = Files.readAllLines(classLoadLog);
        assertThat(lines).as(classLoadLog + " is a class-load log").anyMatch(l -> l.contains(" " + expected + " "));
        // the first few by name: the first is usually the one our code reached for
        assertThat(lines.stream().filter(l -> l.contains("com.fasterxml.")).limit(5).toList())
                .as("Jackson classes loaded, in " + classLoadLog).isEmpty();
        assertThat(lines.stream().filter(l -> l.contains(" picocli.")).limit(5).toList())
                .as("picocli classes loaded, in " + classLoadLog).isEmpty();
    }
}
