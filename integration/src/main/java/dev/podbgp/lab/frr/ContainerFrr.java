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
    /** Created in the container once the lab's links are in: FRR's start waits for it. */
    private static final String LINKS_MOVED = "/run/lab-links-moved";
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
                .withCopyToContainer(Transferable.of(""), "/etc/frr/vtysh.conf")
                // FRR starts once the links are in (frr-container.sh), as it does in a namespace.
                .withEnv("FRR_START_WHEN", LINKS_MOVED);
        c.start();
        ContainerFrr frr = new ContainerFrr(c);
        node.lab().onClose("stop FRR container " + c.getContainerId(), frr::stop);
        node.moveInto(c.getContainerInfo().getState().getPidLong());
        frr.exec(List.of("touch", LINKS_MOVED));
        frr.awaitReady(node);
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

    /** Ready once bgpd answers vtysh and zebra lists every moved interface up with an address. */
    private void awaitReady(Node node) {
        List<String> moved = node.interfaceNames();
        Await.until("FRR in " + container.getContainerId() + " to start and see " + moved, READY, () -> {
            if (!container.isRunning()) {
                throw new IllegalStateException("the FRR container exited:\n" + logs());
            }
            if (exec(List.of("vtysh", "-c", "show bgp summary json")).getExitCode() != 0) {
                return false;
            }
            JsonNode interfaces = Json.parse(vtysh(List.of("show interface json")));
            return moved.stream().allMatch(i -> interfaces.path(i).path("operationalStatus").asText().equals("up")
                    && interfaces.path(i).path("ipAddresses").size() > 0);
        }, this::logs);
    }

    private Container.ExecResult exec(List<String> command) {
        try {
            return container.execInContainer(command.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(command + " in " + container.getContainerId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String vtysh(List<String> commands) {
        List<String> cmd = new ArrayList<>(List.of("vtysh"));
        for (String command : commands) {
            cmd.add("-c");
            cmd.add(command);
        }
        Container.ExecResult r = exec(cmd);
        if (r.getExitCode() != 0 || r.getStdout().lines().anyMatch(l -> l.startsWith("% "))) {
            throw new IllegalStateException("vtysh " + commands + " failed (" + r.getExitCode() + "): "
                    + r.getStdout() + r.getStderr());
        }
        return r.getStdout();
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
