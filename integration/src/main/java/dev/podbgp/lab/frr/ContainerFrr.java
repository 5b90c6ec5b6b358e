package dev.podbgp.lab.frr;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.Capability;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Json;
import dev.podbgp.lab.LabImages;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.peer.PeerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * FRR in a container of the lab's image ({@link LabImages#frr()}: Debian's frr package, the same
 * version {@link NamespaceFrr} runs). The container starts with no network ({@code --network none}),
 * then {@link Node#moveInto(long)} moves the lab node's links into the container's network
 * namespace, so BIRD or podbgp in other lab nodes reach it over the same veths and addresses as
 * with {@link NamespaceFrr}. That needs the lab's Docker engine on this host (the container's pid
 * must be visible here; scripts/dockerd.sh) and root.
 */
final class ContainerFrr implements FrrRuntime {
    private static final String LOG = "/tmp/frr.log";
    private static final Duration READY = Duration.ofSeconds(30);
    /** FRR's /etc/frr/daemons: which daemons frrinit.sh starts; zebra and staticd always run. */
    private static final String DAEMONS = """
            bgpd=yes
            vtysh_enable=yes
            zebra_options="  -A 127.0.0.1 -s 90000000"
            bgpd_options="   -A 127.0.0.1"
            staticd_options="-A 127.0.0.1"
            """;

    private final GenericContainer<?> container;

    private ContainerFrr(GenericContainer<?> container) {
        this.container = container;
    }

    static ContainerFrr start(Node node, PeerConfig config) {
        config.requireNoBfd("the FRR container");
        requireEngine();
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(LabImages.frr()))
                .withNetworkMode("none")
                // zebra programs routes and links in its network namespace (NET_ADMIN); watchfrr
                // and the daemons' privilege handling need SYS_ADMIN.
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withCapAdd(Capability.NET_ADMIN, Capability.SYS_ADMIN))
                .withCopyToContainer(Transferable.of(FrrConfig.render(config, node.label(), LOG)), "/etc/frr/frr.conf")
                .withCopyToContainer(Transferable.of(DAEMONS), "/etc/frr/daemons")
                .withCopyToContainer(Transferable.of(""), "/etc/frr/vtysh.conf")
                .waitingFor(Wait.forSuccessfulCommand("vtysh -c 'show bgp summary json'")
                        .withStartupTimeout(Duration.ofSeconds(60)));
        c.start();
        ContainerFrr frr = new ContainerFrr(c);
        node.lab().onClose("stop FRR container " + c.getContainerId(), frr::stop);
        node.moveInto(c.getContainerInfo().getState().getPidLong());
        frr.awaitInterfaces(node);
        return frr;
    }

    /** Fails with what to do rather than Testcontainers' search through every Docker location it knows. */
    private static void requireEngine() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("no Docker engine at DOCKER_HOST=" + System.getenv("DOCKER_HOST")
                    + ": the FRR container fixture needs the lab's engine (scripts/dockerd.sh start; scripts/test.sh"
                    + " starts it)");
        }
    }

    /**
     * bgpd started before the links arrived; until zebra has told it about their addresses it
     * cannot source a session from them and resets the ones it tries. Ready once zebra lists
     * every moved interface up with its IPv4 address.
     */
    private void awaitInterfaces(Node node) {
        List<String> moved = node.interfaceNames();
        Await.until("FRR in " + container.getContainerId() + " to see " + moved, READY, () -> {
            JsonNode interfaces = Json.parse(vtysh(List.of("show interface json")));
            return moved.stream().allMatch(i -> interfaces.path(i).path("operationalStatus").asText().equals("up")
                    && interfaces.path(i).path("ipAddresses").size() > 0);
        }, this::logs);
    }

    @Override
    public String vtysh(List<String> commands) {
        List<String> cmd = new ArrayList<>(List.of("vtysh"));
        for (String command : commands) {
            cmd.add("-c");
            cmd.add(command);
        }
        try {
            Container.ExecResult r = container.execInContainer(cmd.toArray(String[]::new));
            if (r.getExitCode() != 0 || r.getStdout().lines().anyMatch(l -> l.startsWith("% "))) {
                throw new IllegalStateException("vtysh " + commands + " failed (" + r.getExitCode() + "): "
                        + r.getStdout() + r.getStderr());
            }
            return r.getStdout();
        } catch (IOException e) {
            throw new IllegalStateException("vtysh in " + container.getContainerId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** docker pause: the cgroup freezer stops every FRR daemon, as SIGSTOP does in the namespace backend. */
    @Override
    public void freeze() {
        DockerClientFactory.lazyClient().pauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void thaw() {
        DockerClientFactory.lazyClient().unpauseContainerCmd(container.getContainerId()).exec();
    }

    /** A paused container is unpaused first so its daemons see the SIGTERM of {@code docker stop}. */
    @Override
    public void stop() {
        try {
            thaw();
        } catch (RuntimeException notPaused) {
            // docker refuses to unpause a running container; nothing to undo
        }
        container.stop();
    }

    @Override
    public String logs() {
        try {
            return container.execInContainer("tail", "-n", "40", LOG).getStdout() + "\ncontainer output:\n"
                    + container.getLogs();
        } catch (IOException | RuntimeException e) {
            return "(container logs unavailable: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
