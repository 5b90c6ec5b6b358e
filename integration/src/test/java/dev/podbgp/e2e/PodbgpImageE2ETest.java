package dev.podbgp.e2e;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.dockerjava.api.model.Capability;
import dev.podbgp.daemon.cni.CniConfigWriter;
import dev.podbgp.demo.NodeConfig;
import dev.podbgp.demo.Pod;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.LabImages;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.Shell;
import dev.podbgp.lab.frr.FrrBackend;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.RouteAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The image deploy/daemonset.yaml runs, as scripts/image.sh builds it from this build's jars: its
 * CLI works in a container granted nothing, and its daemon, not root and with only the
 * capabilities the DaemonSet grants, peers with FRR (in FRR's container), announces the node's
 * podCIDR, and FRR's kernel route to it reaches a pod the bridge CNI plugin attached behind it.
 * Both start from the AOT cache the image carries.
 */
@ExtendWith(LabExtension.class)
class PodbgpImageE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final long TOR_AS = 65000;
    private static final long NODE_AS = 65001;
    private static final Prefix POD_CIDR = Prefix.parse("10.240.1.0/24");
    private static final Path CONFIG = Path.of("/etc/podbgp/podbgp.yaml");
    private static final Path CONF_DIR = Path.of("/etc/cni/net.d");
    private static final Path CONTROL_SOCKET = Path.of("/run/podbgp/control.sock");
    /** The AOT cache scripts/image.sh trains and puts in the image. */
    private static final String AOT_CACHE = "/opt/podbgp/podbgp.aot";
    /** The image's user (deploy/Dockerfile). */
    private static final int PODBGP_UID = 65532;
    /** capabilities(7) numbers of what the DaemonSet may add. */
    private static final Map<String, Integer> CAPABILITY_BITS = Map.of("NET_BIND_SERVICE", 10, "NET_ADMIN", 12,
            "NET_RAW", 13);

    /** The podbgp container of deploy/daemonset.yaml: its image and the capabilities it adds. */
    private record DaemonSetContainer(String image, List<String> capabilities) {
        static DaemonSetContainer read() throws IOException {
            JsonNode c = new YAMLMapper().readTree(LabImages.checkout().resolve("deploy/daemonset.yaml").toFile())
                    .path("spec").path("template").path("spec").path("containers").path(0);
            List<String> added = new ArrayList<>();
            c.path("securityContext").path("capabilities").path("add").forEach(n -> added.add(n.asText()));
            return new DaemonSetContainer(c.path("image").asText(), added);
        }

        Capability[] dockerCapabilities() {
            return capabilities.stream().map(Capability::valueOf).toArray(Capability[]::new);
        }

        /** The effective set, as /proc/PID/status prints it (CapEff), of a process with exactly these. */
        String capEff() {
            long bits = 0;
            for (String cap : capabilities) {
                Integer bit = CAPABILITY_BITS.get(cap);
                assertThat(bit).as("capability bit of " + cap).isNotNull();
                bits |= 1L << bit;
            }
            return String.format("%016x", bits);
        }
    }

    @Test
    void theDaemonSetRunsTheTagTheImageScriptBuilds() throws Exception {
        assertThat(DaemonSetContainer.read().image()).isEqualTo(LabImages.podbgp());
    }

    @Test
    void versionRunsAsTheImageUserInAContainerGrantedNoCapabilities() {
        try (GenericContainer<?> version = versionContainer()) {
            version.start();
            assertThat(version.getLogs()).matches("(?s)podbgp \\S+ \\(Java 25[^)]*\\).*");
            assertThat(version.getContainerInfo().getConfig().getUser()).isEqualTo(PODBGP_UID + ":" + PODBGP_UID);
        }
    }

    @Test
    void theCliStartsFromTheImagesAotCache() {
        // AOTMode=on: the JVM exits with an error instead of starting without the cache the
        // launcher names, so a cache the image's runtime cannot map fails here; the log says it
        // is the image's cache, not the runtime's default CDS archive, that was opened.
        assertThat(versionWith("-XX:AOTMode=on -Xlog:aot=info"))
                .contains("Opened AOT cache " + AOT_CACHE + ".")
                .containsPattern("(?m)^podbgp \\S+ \\(Java 25[^)]*\\)$");
    }

    @Test
    void aCacheTheJvmCannotUseDoesNotStopTheCli() {
        // Another object header layout than the cache's: the cache is refused, the CLI starts all the same.
        assertThat(versionWith("-XX:-UseCompactObjectHeaders"))
                .contains("Unable to use AOT cache")
                .containsPattern("(?m)^podbgp \\S+ \\(Java 25[^)]*\\)$");
    }

    /** The output of `podbgp version` in a container granted nothing, with these JVM options added. */
    private static String versionWith(String javaOptions) {
        try (GenericContainer<?> version = versionContainer().withEnv("PODBGP_JAVA_OPTS", javaOptions)) {
            version.start();
            return version.getLogs();
        }
    }

    /** `podbgp version` in a container with no network and no capabilities, to start once. */
    private static GenericContainer<?> versionContainer() {
        return new GenericContainer<>(DockerImageName.parse(LabImages.podbgp()))
                .withNetworkMode("none")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withCapDrop(Capability.ALL))
                .withCommand("version")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(SETTLE));
    }

    @Test
    void daemonInTheImagePeersWithFrrAnnouncesThePodCidrAndThePodBehindItAnswers(Lab lab) throws Exception {
        Node torNode = lab.node("tor");
        Node node = lab.node("node");
        Link uplink = lab.link(torNode, node);
        IpAddress tor = uplink.address(torNode, IPV4);
        IpAddress self = uplink.address(node, IPV4);
        FrrPeer frr = FrrPeer.start(torNode, PeerConfig.of(tor.toString(), TOR_AS)
                .neighbor(Neighbor.of(tor, self, NODE_AS)), FrrBackend.CONTAINER);

        DaemonSetContainer daemonSet = DaemonSetContainer.read();
        // A Kubernetes node forwards already; the pod's /proc/sys is read-only, so podbgp cannot turn it on.
        node.enableForwarding();
        NodeConfig config = new NodeConfig("node", self, NODE_AS, tor, TOR_AS, List.of(POD_CIDR),
                List.of(Prefix.parse("10.240.0.0/16")), List.of(), CONF_DIR, CONTROL_SOCKET);
        // Kept here as it comes: a container that fails to start is removed, and its logs with it.
        StringBuffer output = new StringBuffer();
        GenericContainer<?> podbgp = new GenericContainer<>(DockerImageName.parse(LabImages.podbgp()))
                .withStartupAttempts(1)
                .withLogConsumer(frame -> output.append(frame.getUtf8String()))
                .withNetworkMode("container:" + holdNetwork(lab, node, uplink))
                // The DaemonSet's: everything dropped, its few added.
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withCapDrop(Capability.ALL)
                        .withCapAdd(daemonSet.dockerCapabilities()))
                // The daemon and the readiness probe's CLI start from the image's AOT cache, or not at all.
                .withEnv("PODBGP_JAVA_OPTS", "-XX:AOTMode=on")
                .withCopyToContainer(Transferable.of(config.yaml()), CONFIG.toString())
                .withCommand("run", "--config", CONFIG.toString())
                // The DaemonSet's readiness probe.
                .waitingFor(Wait.forSuccessfulCommand("podbgp show neighbors").withStartupTimeout(SETTLE));
        lab.addDiagnostics("podbgp container", output::toString);
        lab.onClose("stop podbgp container", podbgp::stop);
        podbgp.start();

        // The daemon: not root, with exactly what the DaemonSet grants (ambient, from the image's launcher:
        // a non-root process gets none of the container's by itself).
        String status = Files.readString(Path.of("/proc", Long.toString(pid(podbgp)), "status"));
        assertThat(status).containsPattern("(?m)^Uid:\\s+" + PODBGP_UID + "\\s");
        assertThat(status).containsPattern("(?m)^CapEff:\\s+" + daemonSet.capEff() + "$");
        // ...and its classes come from the image's AOT cache, mapped from the file.
        assertThat(Files.readString(Path.of("/proc", Long.toString(pid(podbgp)), "maps"))).contains(AOT_CACHE);

        frr.awaitEstablished(SETTLE);
        RouteAttributes learned = frr.awaitRoute(POD_CIDR, SETTLE);
        assertThat(learned.nextHop()).isEqualTo(self);
        assertThat(learned.asPath()).containsExactly(NODE_AS);
        Await.until("FRR's kernel to route " + POD_CIDR + " via " + self, SETTLE,
                () -> torNode.exec("ip", "route", "show", POD_CIDR.toString()).orThrow().contains("via " + self),
                () -> torNode.exec("ip", "route").stdout());
        Container.ExecResult neighbors = podbgp.execInContainer("podbgp", "show", "neighbors");
        assertThat(neighbors.getExitCode()).isZero();
        assertThat(neighbors.getStdout()).contains(tor.toString()).containsIgnoringCase("established");

        // A pod behind podbgp, attached with the conflist the daemon in the image wrote (read through
        // the container's root, as the kubelet's runtime reads the node's), answers FRR.
        Path conflist = Path.of("/proc/" + pid(podbgp) + "/root" + CONF_DIR, CniConfigWriter.DEFAULT_FILE_NAME);
        Pod pod = Pod.attach(node, conflist, lab.workDir().resolve("ipam"), "pod");
        assertThat(POD_CIDR.contains(pod.address())).as(pod + " in " + POD_CIDR).isTrue();
        Shell.Result ping = torNode.exec("ping", "-c", "3", "-W", "2", pod.address().toString());
        assertThat(ping.ok()).as("FRR pinging " + pod + ":\n" + ping.stdout()).isTrue();
    }

    /**
     * The node's network, as the host's is for the DaemonSet's pod: a container that only holds a
     * network namespace (a pod sandbox's pause container) takes the node's links first, so the
     * daemon finds its addresses and its default route there from its first moment. Returns the
     * holder's container id.
     */
    private static String holdNetwork(Lab lab, Node node, Link uplink) {
        GenericContainer<?> holder = new GenericContainer<>(DockerImageName.parse(LabImages.base()))
                .withNetworkMode("none")
                .withCommand("sleep", "infinity");
        holder.start();
        lab.onClose("stop network holder " + holder.getContainerId(), holder::stop);
        node.moveInto(pid(holder));
        node.exec("ip", "route", "add", "default", "via", uplink.peerAddress(node, IPV4).toString()).orThrow();
        return holder.getContainerId();
    }

    private static long pid(GenericContainer<?> c) {
        return c.getContainerInfo().getState().getPidLong();
    }
}
