package dev.podbgp.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.podbgp.lab.bird.BirdPeer;
import dev.podbgp.lab.frr.FrrBackend;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.PeerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The lab's promise: no pbt- namespace, peer process or file outlives a test, however it ends. */
class LabCleanupTest {

    /** Recorded by {@link FailingBody} before it throws. */
    static volatile String failedPrefix;
    static volatile List<Long> failedPids;
    static volatile Path failedDir;

    /** Not run by surefire on its own (nested class): started through the engine by the test below. */
    @ExtendWith(LabExtension.class)
    static class FailingBody {
        @Test
        void throwsWithPeersRunning(Lab lab) {
            Node a = lab.node("frr");
            Node b = lab.node("bird");
            Link l = lab.link(a, b);
            FrrPeer.start(a, PeerConfig.of("10.0.0.1", 65001), FrrBackend.NAMESPACE);
            BirdPeer.start(b, PeerConfig.of("10.0.0.2", 65002));
            failedPrefix = lab.namePrefix();
            failedPids = lab.processes().stream().map(LabProcess::pid).toList();
            failedDir = lab.workDir();
            throw new IllegalStateException("deliberate failure with " + l);
        }
    }

    @Test
    void aFailingTestBodyStillRemovesNamespacesProcessesAndFiles() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingBody.class)).execute()
                .testEvents();
        events.assertStatistics(s -> s.started(1).failed(1));
        Throwable thrown = events.failed().list().getFirst().getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(thrown).hasMessageStartingWith("deliberate failure");
        // The failure carries the lab's report (topology, FRR and BIRD log tails).
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(LabReport.class)
                .extracting(Throwable::getMessage).asString().contains("FRR on " + failedPrefix + "frr", "BIRD on");

        assertThat(failedPids).hasSize(3); // zebra, bgpd, bird
        assertGone(failedPrefix, failedPids, failedDir);
        assertThat(Path.of("/var/run/frr", failedPrefix + "frr")).doesNotExist();
    }

    @Test
    void closingAfterAnExceptionRemovesEverything() {
        String prefix;
        List<Long> pids;
        Path dir;
        Lab lab = Lab.create();
        try (lab) {
            Node n = lab.node("bird");
            BirdPeer.start(n, PeerConfig.of("10.0.0.2", 65002));
            prefix = lab.namePrefix();
            pids = lab.processes().stream().map(LabProcess::pid).toList();
            dir = lab.workDir();
            assertThat(Sweeper.namespaces()).contains(n.name());
            throw new IllegalStateException("body failed");
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("body failed");
        }
        assertGone(lab.namePrefix(), lab.processes().stream().map(LabProcess::pid).toList(), lab.workDir());
    }

    @Test
    void theShutdownHookCleansUpAJvmThatExitsWithoutClosing() throws Exception {
        Process child = child("exit");
        String[] run = readRunLine(child);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertGone("pbt-" + run[1] + "-", List.of(Long.parseLong(run[3])), Sweeper.ROOT.resolve(run[1]));
    }

    @Test
    void theSweeperRemovesWhatAKilledJvmLeftBehind() throws Exception {
        Process child = child("crash");
        String[] run = readRunLine(child);
        long bird = Long.parseLong(run[3]);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // SIGKILL runs no hook: the namespace and BIRD are still there until the sweeper comes.
        assertThat(Sweeper.namespaces()).contains(run[2]);
        assertThat(ProcessHandle.of(bird).map(ProcessHandle::isAlive)).contains(true);

        assertThat(Sweeper.sweep()).contains(run[1]);
        assertGone("pbt-" + run[1] + "-", List.of(bird), Sweeper.ROOT.resolve(run[1]));
    }

    private static Process child(String mode) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LabChild.class.getName(), mode)
                .redirectErrorStream(true).start();
    }

    /** Reads the child's "RUN run namespace pid" line (bounded by the child's own exit). */
    private static String[] readRunLine(Process child) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
            if (line.startsWith("RUN ")) {
                return line.split(" ");
            }
            seen.append(line).append('\n');
        }
        child.destroyForcibly();
        throw new AssertionError("the child lab printed no RUN line:\n" + seen);
    }

    private static void assertGone(String prefix, List<Long> pids, Path dir) {
        Await.until("processes to be reaped", java.time.Duration.ofSeconds(5),
                () -> pids.stream().noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)),
                () -> "still alive: " + pids);
        assertThat(Sweeper.namespaces()).noneMatch(n -> n.startsWith(prefix));
        assertThat(Files.exists(dir)).as("lab directory %s", dir).isFalse();
    }
}
