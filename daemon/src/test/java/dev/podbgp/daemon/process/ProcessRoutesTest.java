package dev.podbgp.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.exabgp.CommandParser;
import dev.podbgp.bgp.exabgp.ParseResult;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.PeerScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessRoutesTest {

    private final RecordingSink sink = new RecordingSink();
    private final ProcessRoutes routes = new ProcessRoutes(sink);

    private static Command.Announce announce(String prefixes) {
        return (Command.Announce) ((ParseResult.Parsed) CommandParser.parse(
                "announce attributes next-hop self nlri " + prefixes)).command();
    }

    private static final PeerScope ALL = PeerScope.EVERYONE;
    private static final IpAddress TOR1 = IpAddress.parse("10.0.0.1");
    private static final IpAddress TOR2 = IpAddress.parse("10.0.1.1");

    private static PeerScope only(IpAddress... peers) {
        return PeerScope.Peers.of(Set.of(peers));
    }

    private static Command.Withdraw withdraw(String prefixes) {
        return (Command.Withdraw) ((ParseResult.Parsed) CommandParser.parse("withdraw route " + prefixes)).command();
    }

    @Test
    void releasingAHelper_withdrawsWhatItOwns_perFamily_andNothingElse() {
        routes.announce("a", announce("192.0.2.1/32 192.0.2.2/32"), ALL);
        routes.announce("a", announce("2001:db8::1/128"), ALL);
        routes.announce("b", announce("192.0.2.3/32"), ALL);
        // b announces a's prefix last: b owns it now.
        routes.announce("b", announce("192.0.2.2/32"), ALL);
        sink.clear();

        assertThat(routes.release("a")).containsExactlyInAnyOrder(Prefix.parse("192.0.2.1/32"), Prefix.parse("2001:db8::1/128"));
        List<Prefix> withdrawn = new ArrayList<>();
        for (Command c : sink.commands) {
            assertThat(c).isInstanceOf(Command.Withdraw.class);
            c.peers().forEach(p -> { throw new AssertionError("a release goes to every peer"); });
            ((Command.Withdraw) c).routes().stream().map(NlriEntry::prefix).forEach(withdrawn::add);
        }
        assertThat(sink.commands).hasSize(2);
        assertThat(withdrawn).containsExactlyInAnyOrder(Prefix.parse("192.0.2.1/32"), Prefix.parse("2001:db8::1/128"));
        assertThat(sink.scopes).containsOnly(ALL);
        assertThat(routes.ownedBy("b")).containsExactly(Prefix.parse("192.0.2.2/32"), Prefix.parse("192.0.2.3/32"));
        assertThat(routes.release("a")).isEmpty();
    }

    @Test
    void whatTheOperatorTookOver_staysWhenTheHelperDies() {
        routes.announce("a", announce("192.0.2.1/32 192.0.2.2/32"), ALL);
        routes.announce("a", announce("192.0.2.1/32"), only(TOR1));
        routes.takenOver(List.of(Prefix.parse("192.0.2.1/32")));
        sink.clear();
        assertThat(routes.release("a")).containsExactly(Prefix.parse("192.0.2.2/32"));
    }

    @Test
    void helpersAnnouncingOnePrefixToDifferentPeers_eachReleaseOnlyTheirOwnPeers() {
        Prefix service = Prefix.parse("192.0.2.1/32");
        routes.announce("a", announce("192.0.2.1/32"), only(TOR1));
        routes.announce("b", announce("192.0.2.1/32"), only(TOR2));
        assertThat(routes.ownedBy("a")).containsExactly(service);
        assertThat(routes.ownedBy("b")).containsExactly(service);
        sink.clear();

        assertThat(routes.release("a")).containsExactly(service);
        assertThat(sink.forgotten).containsExactly(new RecordingSink.Forgot(List.of(service), only(TOR1)));
        assertThat(routes.ownedBy("b")).containsExactly(service);
        sink.clear();

        assertThat(routes.release("b")).containsExactly(service);
        assertThat(sink.forgotten).containsExactly(new RecordingSink.Forgot(List.of(service), only(TOR2)));
    }

    @Test
    void theRouteForEveryPeer_andANamedPeersOwn_areReleasedApart() {
        Prefix service = Prefix.parse("192.0.2.1/32");
        routes.announce("all", announce("192.0.2.1/32"), ALL);
        routes.announce("one", announce("192.0.2.1/32"), only(TOR1));
        sink.clear();

        // The helper that announced to everyone ends: only its route goes, TOR1 keeps the other helper's.
        assertThat(routes.release("all")).containsExactly(service);
        assertThat(sink.forgotten).containsExactly(new RecordingSink.Forgot(List.of(service), ALL));
        assertThat(routes.ownedBy("one")).containsExactly(service);

        // An announcement for everyone replaces what named peers were told: it owns the prefix for all of them.
        routes.announce("all", announce("192.0.2.1/32"), ALL);
        assertThat(routes.ownedBy("one")).isEmpty();
        sink.clear();
        assertThat(routes.release("one")).isEmpty();
        assertThat(sink.commands).isEmpty();
    }

    @Test
    void aScopedWithdrawal_endsTheClaimOnlyForThosePeers() {
        Prefix service = Prefix.parse("192.0.2.1/32");
        routes.announce("a", announce("192.0.2.1/32"), only(TOR1, TOR2));
        routes.withdraw("a", withdraw("192.0.2.1/32"), only(TOR1));
        sink.clear();

        assertThat(routes.release("a")).containsExactly(service);
        assertThat(sink.forgotten).containsExactly(new RecordingSink.Forgot(List.of(service), only(TOR2)));
        routes.announce("a", announce("192.0.2.1/32"), only(TOR1));
        routes.withdraw("a", withdraw("192.0.2.1/32"), ALL);
        assertThat(routes.ownedBy("a")).isEmpty();
    }
}
