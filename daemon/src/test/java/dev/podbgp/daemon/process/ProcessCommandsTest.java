package dev.podbgp.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.exabgp.PeerSelector.PeerIdentity;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessCommandsTest {

    private static final PeerIdentity TOR1 = new PeerIdentity(IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.2"),
            65001, 65000, Ipv4Address.parse("192.0.2.2"));
    private static final PeerIdentity TOR2 = new PeerIdentity(IpAddress.parse("10.0.1.1"), IpAddress.parse("10.0.1.2"),
            65001, 65000, Ipv4Address.parse("192.0.2.2"));

    private final RecordingSink sink = new RecordingSink();
    private final ProcessRoutes routes = new ProcessRoutes(sink);

    private Answer handle(String line, PeerIdentity... peers) {
        return new ProcessCommands("web-check", routes, () -> List.of(peers)).handle(line);
    }

    @Test
    void theHealthchecksAnnouncement_isDone_andReachesTheRibWithItsMed() {
        // What exabgp healthcheck prints for an UP service (application/healthcheck.py, 4.2.21).
        Answer a = handle("announce route 192.0.2.10/32 next-hop self med 100 community [ 65000:80 ]", TOR1);
        assertThat(a).isEqualTo(new Answer.Done("announced 1 route(s)"));
        assertThat(a.word()).isEqualTo("done");
        Command.Announce sent = (Command.Announce) sink.commands.poll();
        assertThat(sent.routes().getFirst().prefix()).isEqualTo(Prefix.parse("192.0.2.10/32"));
        assertThat(sent.attributes().med().value()).isEqualTo(100);
        assertThat(routes.ownedBy("web-check")).containsExactly(Prefix.parse("192.0.2.10/32"));

        assertThat(handle("withdraw route 192.0.2.10/32 next-hop self", TOR1).word()).isEqualTo("done");
        assertThat(sink.commands.poll()).isInstanceOf(Command.Withdraw.class);
        assertThat(routes.ownedBy("web-check")).isEmpty();
    }

    @Test
    void garbageAndForeignCommands_areErrors_andReachNothing() {
        assertThat(handle("hello world", TOR1)).isInstanceOf(Answer.Error.class);
        assertThat(handle("announce route 192.0.2.10/33 next-hop self", TOR1)).isInstanceOf(Answer.Error.class);
        assertThat(handle("", TOR1)).isEqualTo(new Answer.Error("empty line"));
        assertThat(((Answer.Error) handle("shutdown", TOR1)).reason()).contains("'shutdown' is an ExaBGP command");
        assertThat(((Answer.Error) handle("announce eor", TOR1)).reason()).contains("End-of-RIB is sent by podbgp");
        assertThat(handle("\u0000\u00ff\u0007", TOR1).word()).isEqualTo("error");
        assertThat(sink.commands).isEmpty();
    }

    @Test
    void selectors_matchingEveryPeerAreHonoured_othersRefused() {
        assertThat(handle("neighbor 10.0.0.1 announce route 192.0.2.10/32 next-hop self", TOR1).word()).isEqualTo("done");
        // The healthcheck's --neighbor form: comma-separated selectors.
        assertThat(handle("neighbor 10.0.0.1, neighbor 10.0.1.1 announce route 192.0.2.10/32 next-hop self", TOR1, TOR2)
                .word()).isEqualTo("done");
        assertThat(((Answer.Error) handle("neighbor 10.9.9.9 announce route 192.0.2.10/32 next-hop self", TOR1, TOR2))
                .reason()).isEqualTo("no configured peer matches the neighbor selector");
        assertThat(((Answer.Error) handle("neighbor 10.0.0.1 announce route 192.0.2.10/32 next-hop self", TOR1, TOR2))
                .reason()).startsWith("the neighbor selector matches 1 of 2 peers");
        assertThat(sink.commands).hasSize(2);
    }

    @Test
    void aClosingRib_isAnErrorAnswer_notAnException() {
        RouteSink closed = new RouteSink() {
            @Override
            public void announce(Command.Announce announce) {
                throw new IllegalStateException("the RIB event loop is closed");
            }

            @Override
            public void withdraw(Command.Withdraw withdraw) {
                throw new IllegalStateException("the RIB event loop is closed");
            }
        };
        Answer a = new ProcessCommands("p", new ProcessRoutes(closed), List::of)
                .handle("announce route 192.0.2.10/32 next-hop self");
        assertThat(a).isEqualTo(new Answer.Error("podbgp is stopping: the RIB event loop is closed"));
    }
}
