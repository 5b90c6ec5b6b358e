package dev.podbgp.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.exabgp.ExabgpNeighbor;
import dev.podbgp.config.ProcessSpec;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor with real programs: small shell scripts that behave well, crash, print garbage or ignore SIGTERM. */
class ProcessSupervisorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Prefix SERVICE = Prefix.parse("192.0.2.10/32");

    @TempDir
    Path dir;

    private final RecordingSink sink = new RecordingSink();
    private final ProcessRoutes routes = new ProcessRoutes(sink);
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final ProcessCounters counters = new ProcessCounters() {
        @Override
        public void command(String process, boolean ok) {
            (ok ? done : refused).incrementAndGet();
        }
    };
    private final ProcessSupervisor supervisor = new ProcessSupervisor(routes, List::of, Launcher.DIRECT,
            ProcessSettings.defaults().withBackoff(new RestartBackoff(Duration.ofMillis(50), Duration.ofMillis(200),
                    Duration.ofSeconds(30))).withStopGrace(Duration.ofSeconds(1)), Clock.systemUTC(), counters);

    @AfterEach
    void stop() {
        supervisor.close();
    }

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static ProcessSpec spec(String name, boolean ack, ProcessSpec.Receive receive, String... run) {
        return new ProcessSpec(name, List.of(run), ProcessSpec.Encoder.JSON, ack, true, receive);
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void commandsAreAnsweredDoneOrError_onTheHelpersStdin_andOnlyGoodOnesReachTheRib() throws Exception {
        Path acks = dir.resolve("acks");
        Path helper = script("helper.sh", """
                echo "announce route 192.0.2.10/32 next-hop self med 100"
                read ack; echo "$ack" >> "$1"
                echo "this is not a command"
                read ack; echo "$ack" >> "$1"
                head -c 100000 /dev/zero | tr '\\0' x; echo
                read ack; echo "$ack" >> "$1"
                echo "withdraw route 192.0.2.10/32"
                read ack; echo "$ack" >> "$1"
                exec sleep 600
                """);
        supervisor.converge(List.of(spec("helper", true, ProcessSpec.Receive.NOTHING, helper.toString(), acks.toString())));

        eventually("four answers", () -> lines(acks).size() == 4);
        assertThat(lines(acks)).containsExactly("done", "error", "error", "done");
        assertThat(done.get()).isEqualTo(2);
        assertThat(refused.get()).isEqualTo(2);
        Command first = sink.next(WAIT);
        assertThat(first).isInstanceOf(Command.Announce.class);
        assertThat(((Command.Announce) first).attributes().med().value()).isEqualTo(100);
        assertThat(sink.next(WAIT).prefixes()).containsExactly(SERVICE);
        assertThat(sink.commands).isEmpty();
    }

    @Test
    void aHelperThatDies_hasItsRoutesWithdrawn_andIsStartedAgain() throws Exception {
        Path starts = dir.resolve("starts");
        Path crasher = script("crasher.sh", """
                echo started >> "$1"
                echo "announce route 192.0.2.10/32 next-hop self"
                sleep 0.2
                exit 3
                """);
        supervisor.converge(List.of(spec("crasher", false, ProcessSpec.Receive.NOTHING, crasher.toString(),
                starts.toString())));

        assertThat(sink.next(WAIT)).isInstanceOf(Command.Announce.class);
        Command after = sink.next(WAIT);
        assertThat(after).isInstanceOf(Command.Withdraw.class);
        assertThat(after.prefixes()).containsExactly(SERVICE);
        eventually("three starts", () -> lines(starts).size() >= 3 && supervisor.starts("crasher") >= 3);
    }

    @Test
    void aHelperThatIgnoresSigterm_isKilledAfterTheGrace() throws Exception {
        Path pids = dir.resolve("pid");
        Path stubborn = script("stubborn.sh", """
                trap '' TERM
                echo $$ > "$1"
                while true; do sleep 0.05; done
                """);
        supervisor.converge(List.of(spec("stubborn", false, ProcessSpec.Receive.NOTHING, stubborn.toString(),
                pids.toString())));
        eventually("the helper's pid", () -> lines(pids).size() == 1);
        long pid = Long.parseLong(lines(pids).getFirst());

        supervisor.converge(List.of());

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(supervisor.pids()).isEmpty();
    }

    @Test
    void eventsReachTheHelpersThatAskedForThem_asExabgpJsonLines() throws Exception {
        Path seen = dir.resolve("seen");
        Path reader = script("reader.sh", "exec cat > \"$1\"\n");
        Path deaf = script("deaf.sh", "exec sleep 600\n");
        supervisor.converge(List.of(
                spec("reader", false, new ProcessSpec.Receive(true, false, false), reader.toString(), seen.toString()),
                spec("deaf", false, ProcessSpec.Receive.NOTHING, deaf.toString())));
        eventually("both running", () -> supervisor.pids().values().stream().allMatch(p -> p > 0));
        ExabgpNeighbor tor = new ExabgpNeighbor(IpAddress.parse("10.0.0.2"), IpAddress.parse("10.0.0.1"), 65001, 65000);

        supervisor.event(new PeerEvent.Connected(tor));
        supervisor.event(new PeerEvent.Down(tor, "hold timer expired"));

        eventually("two lines", () -> lines(seen).size() == 2);
        assertThat(lines(seen).get(0)).contains("\"type\": \"state\"").contains("\"state\": \"connected\"");
        assertThat(lines(seen).get(1)).contains("\"state\": \"down\"").contains("\"reason\": \"hold timer expired\"");
        assertThat(supervisor.wantsUpdates()).isFalse();
    }

    @Test
    void aReloadRestartsOnlyWhatChanged_andARemovedHelpersRoutesGo() throws Exception {
        Path stay = script("stay.sh", "exec sleep 600\n");
        Path announcer = script("announcer.sh", """
                echo "announce route 192.0.2.10/32 next-hop self med $1"
                exec sleep 600
                """);
        ProcessSpec steady = spec("steady", false, ProcessSpec.Receive.NOTHING, stay.toString());
        supervisor.converge(List.of(steady, spec("svc", false, ProcessSpec.Receive.NOTHING, announcer.toString(), "100")));
        assertThat(sink.next(WAIT)).isInstanceOf(Command.Announce.class);
        eventually("both running", () -> supervisor.pids().values().stream().allMatch(p -> p > 0));
        long steadyPid = supervisor.pids().get("steady");

        String changes = supervisor.converge(List.of(steady,
                spec("svc", false, ProcessSpec.Receive.NOTHING, announcer.toString(), "200")));

        assertThat(changes).isEqualTo("processes restarted: svc");
        assertThat(sink.next(WAIT)).isInstanceOf(Command.Withdraw.class);
        Command again = sink.next(WAIT);
        assertThat(((Command.Announce) again).attributes().med().value()).isEqualTo(200);
        assertThat(supervisor.pids().get("steady")).isEqualTo(steadyPid);

        assertThat(supervisor.converge(List.of(steady))).isEqualTo("processes stopped: svc");
        assertThat(sink.next(WAIT).prefixes()).containsExactly(SERVICE);
    }

    @Test
    void aProgramThatCannotStart_isRetried_andHurtsNothing() throws Exception {
        Path gone = dir.resolve("gone.sh");
        supervisor.converge(List.of(spec("gone", false, ProcessSpec.Receive.NOTHING, gone.toString())));
        eventually("retried", () -> supervisor.starts("gone") >= 3);
        assertThat(sink.commands).isEmpty();
    }
}
