package dev.podbgp.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.exabgp.PeerSelector.PeerIdentity;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.PeerScope;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
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
    void aNeighborSelector_scopesTheRouteToThePeersItMatches() {
        assertThat(handle("neighbor 10.0.0.1 announce route 192.0.2.10/32 next-hop self", TOR1, TOR2).word())
                .isEqualTo("done");
        assertThat(sink.scopes).containsExactly(scope("10.0.0.1"));
        // The healthcheck's --neighbor form: comma-separated selectors, either of which may match.
        assertThat(handle("neighbor 10.0.0.1, neighbor 10.0.1.1 announce route 192.0.2.11/32 next-hop self", TOR1, TOR2)
                .word()).isEqualTo("done");
        assertThat(sink.scopes.get(1)).isEqualTo(scope("10.0.0.1", "10.0.1.1"));
        // Without a selector: every peer, now and later.
        assertThat(handle("announce route 192.0.2.12/32 next-hop self", TOR1, TOR2).word()).isEqualTo("done");
        assertThat(sink.scopes.get(2)).isEqualTo(PeerScope.EVERYONE);
        assertThat(handle("neighbor 10.0.0.1 withdraw route 192.0.2.10/32", TOR1, TOR2).word()).isEqualTo("done");
        assertThat(sink.scopes.get(3)).isEqualTo(scope("10.0.0.1"));
        assertThat(sink.commands).hasSize(4);
    }

    @Test
    void selectorsOnOtherFields_matchByExaBgpsRules() {
        // ExaBGP's peer name: every field given must match the peer.
        assertThat(handle("neighbor 10.0.0.1 local-as 65001 peer-as 65000 announce route 192.0.2.10/32 next-hop self",
                TOR1, TOR2).word()).isEqualTo("done");
        assertThat(sink.scopes.getLast()).isEqualTo(scope("10.0.0.1"));
        assertThat(handle("neighbor 10.0.1.1 local-ip 10.0.1.2 router-id 192.0.2.2 announce attributes next-hop self "
                + "med 20 nlri 192.0.2.20/32 192.0.2.21/32", TOR1, TOR2).word()).isEqualTo("done");
        assertThat(sink.scopes.getLast()).isEqualTo(scope("10.0.1.1"));
        // Every criterion of one selector must match: a wrong peer-as names nobody.
        assertThat(((Answer.Error) handle("neighbor 10.0.0.1 peer-as 65099 announce route 192.0.2.10/32 next-hop self",
                TOR1, TOR2)).reason()).isEqualTo("no configured peer matches the neighbor selector");
        assertThat(sink.commands).hasSize(2);
    }

    @Test
    void aSelectorMatchingNoPeer_isRefused_andReachesNothing() {
        assertThat(((Answer.Error) handle("neighbor 10.9.9.9 announce route 192.0.2.10/32 next-hop self", TOR1, TOR2))
                .reason()).isEqualTo("no configured peer matches the neighbor selector");
        assertThat(((Answer.Error) handle("neighbor 10.9.9.9 withdraw route 192.0.2.10/32", TOR1, TOR2)).reason())
                .isEqualTo("no configured peer matches the neighbor selector");
        assertThat(((Answer.Error) handle("neighbor 10.0.0.1 announce route 192.0.2.10/32 next-hop self")).reason())
                .isEqualTo("no configured peer matches the neighbor selector");
        assertThat(sink.commands).isEmpty();
        assertThat(routes.ownedBy("web-check")).isEmpty();
    }

    private static PeerScope scope(String... addresses) {
        return PeerScope.Peers.of(Arrays.stream(addresses).map(IpAddress::parse).collect(Collectors.toSet()));
    }

    @Test
    void aClosingRib_isAnErrorAnswer_notAnException() {
        RouteSink closed = new RouteSink() {
            @Override
            public void announce(Command.Announce announce, PeerScope scope) {
                throw new IllegalStateException("the RIB event loop is closed");
            }

            @Override
            public void withdraw(Command.Withdraw withdraw, PeerScope scope) {
                throw new IllegalStateException("the RIB event loop is closed");
            }

            @Override
            public void forget(List<Prefix> prefixes, PeerScope scope) {
                throw new IllegalStateException("the RIB event loop is closed");
            }
        };
        Answer a = new ProcessCommands("p", new ProcessRoutes(closed), List::of)
                .handle("announce route 192.0.2.10/32 next-hop self");
        assertThat(a).isEqualTo(new Answer.Error("podbgp is stopping: the RIB event loop is closed"));
    }
}
