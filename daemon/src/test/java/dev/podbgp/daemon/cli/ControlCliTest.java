package dev.podbgp.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.exabgp.NextHopSpec;
import dev.podbgp.daemon.control.ControlServer;
import dev.podbgp.daemon.control.FibView;
import dev.podbgp.daemon.control.NeighborView;
import dev.podbgp.daemon.control.RecordingHandler;
import dev.podbgp.daemon.control.RouteView;
import dev.podbgp.inet.Prefix;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podbgp} commands end to end: CLI → control socket → a handler standing in for the daemon. */
class ControlCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    Path socket;
    RecordingHandler handler;
    ControlServer server;

    @BeforeEach
    void start() throws Exception {
        socket = tmp.resolve("control.sock");
        handler = new RecordingHandler();
        server = ControlServer.start(socket, handler);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    CliRun run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--socket";
        all[args.length + 1] = socket.toString();
        return CliRun.of(all);
    }

    @Test
    void showNeighbors_alignedTable() {
        CliRun r = run("show", "neighbors");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                Neighbor     AS          State        BFD  Up/Down   Received  Accepted  Advertised  Next hops                         Last error
                192.0.2.1    65001       Established  Up   01:02:03  12        10        2           192.0.2.10,2001:db8::10,fe80::10  -
                2001:db8::1  4200000001  Active       -    00:00:05  0         0         0           2001:db8::10,no ipv4 unicast      Cease/administrative-reset
                """);
    }

    @Test
    void showNeighbors_json_isTheRecords() throws Exception {
        CliRun r = run("show", "neighbors", "-o", "json");
        assertThat(r.exitCode()).isZero();
        assertThat(MAPPER.readValue(r.out(), new TypeReference<List<NeighborView>>() {})).isEqualTo(RecordingHandler.NEIGHBORS);
    }

    @Test
    void showRoutes_withPrefix_sendsTheFilter_andMarksBest() {
        CliRun r = run("show", "routes", "10.240.0.0/16");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(handler.calls).containsExactly(Optional.of(Prefix.parse("10.240.0.0/16")));
        assertThat(r.out()).isEqualTo("""
                    Prefix         Next hop   From       AS path      Origin  LocPrf  MED  Communities  Reason
                *>  10.240.2.0/24  192.0.2.1  192.0.2.1  65001        igp     100     -    65000:1      shorter AS path
                *   10.240.2.0/24  192.0.2.2  192.0.2.2  65002 65001  igp     100     5    -            shorter AS path
                *>  10.240.1.0/24  -          local      -            igp     100     -    -            -
                """);
    }

    @Test
    void showRoutes_json_andAllWithoutPrefix() throws Exception {
        CliRun r = run("show", "routes", "-o", "json");
        assertThat(r.exitCode()).isZero();
        assertThat(handler.calls).containsExactly(Optional.empty());
        assertThat(MAPPER.readValue(r.out(), new TypeReference<List<RouteView>>() {})).isEqualTo(RecordingHandler.ROUTES);
    }

    @Test
    void showRoutes_badPrefix_isUsageError_daemonNotAsked() {
        CliRun r = run("show", "routes", "10.240.0.1/16");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not a prefix: 10.240.0.1/16");
        assertThat(handler.calls).isEmpty();
    }

    @Test
    void showFib_tableAndJson() throws Exception {
        CliRun r = run("show", "fib");
        assertThat(r.out()).isEqualTo("""
                Prefix         Next hop             Table  Proto  State      Last error
                10.240.2.0/24  192.0.2.1            254    244    installed  -
                10.250.0.0/16  192.0.2.1,192.0.2.2  254    244    failed     ENETUNREACH
                """);
        CliRun json = run("show", "fib", "-o", "json");
        assertThat(MAPPER.readValue(json.out(), new TypeReference<List<FibView>>() {})).isEqualTo(RecordingHandler.FIB);
    }

    @Test
    void showConfig_printsTheYaml() {
        CliRun r = run("show", "config");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(RecordingHandler.CONFIG);
    }

    @Test
    void announceRoute_reachesTheDaemonParsed() {
        CliRun r = run("announce", "route", "10.0.0.0/24", "next-hop", "self", "community", "[65000:1]");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("announced 10.0.0.0/24 to 1 peer\n");
        Command.Announce a = (Command.Announce) handler.calls.getFirst();
        assertThat(a.routes().getFirst().prefix()).isEqualTo(Prefix.parse("10.0.0.0/24"));
        assertThat(a.nextHop()).isInstanceOf(NextHopSpec.Self.class);
    }

    @Test
    void withdrawRoute() {
        CliRun r = run("withdraw", "route", "10.0.0.0/24");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("withdrew 10.0.0.0/24 from 1 peer\n");
        assertThat(handler.calls.getFirst()).isInstanceOf(Command.Withdraw.class);
    }

    @Test
    void announceTypo_isUsageError_withColumn_daemonNotAsked() {
        CliRun r = run("announce", "route", "10.0.0.0/24", "nexthop", "self");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'nexthop'").contains("announce route 10.0.0.0/24 nexthop self\n"
                + "  " + " ".repeat("announce route 10.0.0.0/24 ".length()) + "^");
        assertThat(handler.calls).isEmpty();
    }

    @Test
    void reload_okAndRefused() {
        assertThat(run("reload").out()).isEqualTo("config reloaded: 1 peer added\n");
        handler.reloadRefusal = "/etc/podbgp/podbgp.yaml:7: peers[2].asn: 0 is not a valid AS number";
        CliRun refused = run("reload");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("podbgp: " + handler.reloadRefusal + "\n");
    }

    @Test
    void clearNeighbor_hardAndSoft_reachTheDaemonWithTheirScope() {
        CliRun hard = run("clear", "neighbor", "192.0.2.1");
        assertThat(hard.exitCode()).as(hard.err()).isZero();
        assertThat(hard.out()).isEqualTo("reset the session to 192.0.2.1\n");
        assertThat(run("clear", "neighbor", "192.0.2.1", "--soft", "in").out()).isEqualTo("asked 192.0.2.1 for its routes again\n");
        assertThat(run("clear", "neighbor", "2001:db8:0::1").exitCode()).isZero();
        assertThat(handler.calls).containsExactly("192.0.2.1 HARD", "192.0.2.1 SOFT_IN", "2001:db8::1 HARD");
    }

    @Test
    void clearNeighbor_unknownPeerOrSoftOnAnIdleSession_exit1WithTheDaemonsReason() {
        CliRun unknown = run("clear", "neighbor", "192.0.2.99");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("podbgp: no configured peer has address 192.0.2.99\n");
        CliRun soft = run("clear", "neighbor", "2001:db8::1", "--soft", "out");
        assertThat(soft.exitCode()).isEqualTo(1);
        assertThat(soft.err()).contains("is Active, not Established");
    }

    @Test
    void clearNeighbor_badAddressOrSoftWord_exit2_nothingSent() {
        CliRun address = run("clear", "neighbor", "192.0.2");
        assertThat(address.exitCode()).isEqualTo(2);
        assertThat(address.err()).startsWith("podbgp: not an IP address: 192.0.2");
        CliRun soft = run("clear", "neighbor", "192.0.2.1", "--soft", "both");
        assertThat(soft.exitCode()).isEqualTo(2);
        assertThat(soft.err()).isEqualTo("podbgp: --soft takes 'in' or 'out', not 'both'\n");
        assertThat(run("clear", "neighbor").exitCode()).isEqualTo(2);
        assertThat(handler.calls).isEmpty();
    }

    @Test
    void daemonNotRunning_exit1_messageNamesTheSocket() {
        Path missing = tmp.resolve("elsewhere.sock");
        CliRun r = CliRun.of("show", "neighbors", "--socket", missing.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("podbgp: the podbgp daemon is not running: cannot connect to control socket " + missing)
                .contains("podbgp run --config FILE");
    }

    @Test
    void daemonStopped_socketGone_exit1() throws Exception {
        server.close();
        CliRun r = run("show", "fib");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("daemon is not running").contains(socket.toString());
    }

    @Test
    void usageErrors_exit2() {
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
        assertThat(CliRun.of("show", "nothing").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("show", "neighbors", "-o", "xml").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void helpTeaches_withExamples_andVersionPrints() {
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Examples:").contains("podbgp show neighbors").contains("Exit codes:")
                .contains("decode").contains("announce").contains("cleanup");
        CliRun showHelp = CliRun.of("help", "show");
        assertThat(showHelp.out()).contains("neighbors").contains("routes").contains("Examples:");
        assertThat(CliRun.of("announce", "--help").out()).contains("podbgp announce route 10.0.0.0/24 next-hop self");
        CliRun version = CliRun.of("version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).matches("podbgp \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java 25.*, ExaBGP JSON format 4\\.0\\.1\\)\n");
    }

    /** The examples in announce's and withdraw's help are commands the parser accepts. */
    @Test
    void helpExamplesOfAnnounceAndWithdraw_parse() {
        for (String command : List.of("announce", "withdraw")) {
            List<String> examples = CliRun.of(command, "--help").out().lines()
                    .filter(l -> l.startsWith("  podbgp " + command + " ")).map(l -> l.substring("  podbgp ".length())).toList();
            assertThat(examples).isNotEmpty();
            for (String example : examples) {
                assertThat(dev.podbgp.bgp.exabgp.CommandParser.parse(example)).as(example)
                        .isInstanceOf(dev.podbgp.bgp.exabgp.ParseResult.Parsed.class);
            }
        }
    }
}
