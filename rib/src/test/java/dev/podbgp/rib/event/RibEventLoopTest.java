package dev.podbgp.rib.event;

import static dev.podbgp.rib.event.UpdateApplierTest.ATTRS;
import static dev.podbgp.rib.event.UpdateApplierTest.LOCAL_AS;
import static dev.podbgp.rib.event.UpdateApplierTest.TOR;
import static dev.podbgp.rib.event.UpdateApplierTest.entries;
import static dev.podbgp.rib.event.UpdateApplierTest.received;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.message.UpdatePacker;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.BestPathOptions;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.PeerImport;
import dev.podbgp.rib.PeerScope;
import dev.podbgp.rib.Rib;
import dev.podbgp.rib.out.AdjRibOut;
import dev.podbgp.rib.out.NodeSettings;
import dev.podbgp.rib.out.OutboundPeer;
import dev.podbgp.rib.out.SelfNextHops;
import dev.podbgp.rib.out.SessionOutput;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.RoleConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RibEventLoopTest {

    private static final SessionCapabilities CAPS = SessionCapabilities.FOUR_OCTET_AS;
    private static final Prefix P = Prefix.parse("203.0.113.0/24");

    private final Rib rib = new Rib(Ipv4Address.parse("10.255.0.1"), BestPathOptions.defaults(LOCAL_AS));
    private final AdjRibOut adjRibOut = new AdjRibOut(NodeSettings.of(LOCAL_AS, Ipv4Address.parse("10.255.0.1"),
            RoleConfig.POD_CIDR_ONLY), rib);
    private final List<LocRibChange> changes = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger batches = new AtomicInteger();

    RibEventLoopTest() {
        rib.addListener(adjRibOut);
        rib.addListener(changes::add);
    }

    private RibEventLoop loop(int capacity, int maxBatch) {
        return new RibEventLoop(rib, adjRibOut, capacity, maxBatch, batches::incrementAndGet,
                (event, e) -> failures.add(event.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    private static Update announce(String... prefixes) {
        return received(UpdatePacker.announce(Family.IPV4_UNICAST, ATTRS, IpAddress.parse("192.0.2.1"), null,
                entries(prefixes), CAPS).getFirst(), CAPS);
    }

    @Test
    void eventsApplyInOrderInBatches() {
        RibEventLoop loop = loop(100, 2);
        assertThat(loop.offer(new RibEvent.PeerAdded(TOR, PeerImport.acceptAll(TOR, LOCAL_AS)))).isTrue();
        loop.offer(new RibEvent.UpdateReceived(TOR, announce("203.0.113.0/24")));
        loop.offer(new RibEvent.UpdateReceived(TOR, received(UpdatePacker.withdraw(Family.IPV4_UNICAST,
                entries("203.0.113.0/24"), CAPS).getFirst(), CAPS)));
        loop.offer(new RibEvent.UpdateReceived(TOR, announce("203.0.113.0/24", "198.51.100.0/24")));
        loop.offer(new RibEvent.Originate(Prefix.parse("10.244.1.0/24"), ATTRS));

        assertThat(loop.drain()).isEqualTo(5);

        assertThat(changes).extracting(c -> c.getClass().getSimpleName() + " " + c.prefix()).containsExactly(
                "Selected 203.0.113.0/24", "Withdrawn 203.0.113.0/24", "Selected 203.0.113.0/24",
                "Selected 198.51.100.0/24", "Selected 10.244.1.0/24");
        assertThat(batches).hasValue(3);
        assertThat(loop.appliedCount()).isEqualTo(5);
    }

    @Test
    void aTableTrimRunsAfterTheEventsBeforeItAndChangesNoRoute() {
        RibEventLoop loop = loop(100, 10);
        loop.offer(new RibEvent.PeerAdded(TOR, PeerImport.acceptAll(TOR, LOCAL_AS)));
        loop.offer(new RibEvent.UpdateReceived(TOR, announce("203.0.113.0/24", "198.51.100.0/24")));
        List<Integer> prefixesWhenTrimmed = new ArrayList<>();
        loop.offer(new RibEvent.TrimTables(() -> prefixesWhenTrimmed.add(rib.prefixCount())));

        loop.drain();

        assertThat(prefixesWhenTrimmed).containsExactly(2);
        assertThat(changes).hasSize(2);
        assertThat(rib.decision(P)).isNotNull();
        assertThat(failures).isEmpty();
    }

    @Test
    void aFailingEventIsReportedAndTheLoopGoesOn() {
        RibEventLoop loop = loop(10, 10);
        // Not registered: the RIB refuses it with an exception, a caller bug.
        loop.offer(new RibEvent.PeerRestarting(TOR, Set.of(Family.IPV4_UNICAST), Duration.ofSeconds(1), Map.of()));
        loop.offer(new RibEvent.Inspect(r -> {
            throw new IllegalStateException("boom");
        }));
        loop.offer(new RibEvent.PeerAdded(TOR, PeerImport.acceptAll(TOR, LOCAL_AS)));
        loop.offer(new RibEvent.UpdateReceived(TOR, announce("203.0.113.0/24")));

        loop.drain();

        assertThat(failures).hasSize(2);
        assertThat(failures.get(1)).isEqualTo("Inspect: boom");
        assertThat(loop.failureCount()).isEqualTo(2);
        assertThat(rib.decision(P)).isNotNull();
    }

    @Test
    void rfc7313_s4_borrUpdatesAndEorrInArrivalOrderSweepWhatWasNotSentAgain() {
        RibEventLoop loop = loop(100, 2);
        loop.offer(new RibEvent.PeerAdded(TOR, PeerImport.acceptAll(TOR, LOCAL_AS)));
        loop.offer(new RibEvent.UpdateReceived(TOR, announce("203.0.113.0/24", "198.51.100.0/24")));
        loop.offer(new RibEvent.RefreshBegun(TOR, Family.IPV4_UNICAST, 1));
        loop.offer(new RibEvent.UpdateReceived(TOR, announce("203.0.113.0/24")));
        loop.offer(new RibEvent.RefreshEnded(TOR, Family.IPV4_UNICAST));
        loop.offer(new RibEvent.UpdateReceived(TOR, announce("192.0.2.0/24")));
        loop.offer(new RibEvent.RefreshBegun(TOR, Family.IPV4_UNICAST, 2));
        loop.offer(new RibEvent.RefreshStaleTimerExpired(TOR, Family.IPV4_UNICAST, 1));

        loop.drain();

        assertThat(failures).isEmpty();
        assertThat(rib.decision(Prefix.parse("198.51.100.0/24"))).as("swept at EoRR").isNull();
        assertThat(rib.decision(P)).isNotNull();
        assertThat(rib.decision(Prefix.parse("192.0.2.0/24"))).as("the first round's timer is not the second's")
                .isNotNull();
        loop.offer(new RibEvent.RefreshStaleTimerExpired(TOR, Family.IPV4_UNICAST, 2));
        loop.drain();
        assertThat(rib.routeCount(TOR)).isZero();
    }

    @Test
    void aFullQueueRefusesOffersSoTheSessionCanStopReading() {
        RibEventLoop loop = loop(2, 10);
        assertThat(loop.offer(new RibEvent.WithdrawOriginated(P))).isTrue();
        assertThat(loop.offer(new RibEvent.WithdrawOriginated(P))).isTrue();
        assertThat(loop.offer(new RibEvent.WithdrawOriginated(P))).isFalse();
        assertThat(loop.backlog()).isEqualTo(2);
        loop.drain();
        assertThat(loop.offer(new RibEvent.WithdrawOriginated(P))).isTrue();
    }

    @Test
    void runOnTheCallersThreadAppliesEverythingQueuedBeforeClose() throws Exception {
        RibEventLoop loop = loop(1000, 64);
        List<Throwable> died = new ArrayList<>();
        Thread ribThread = Thread.ofPlatform().name("pbt-rib").start(() -> {
            try {
                loop.run();
            } catch (Throwable t) {
                died.add(t);
            }
        });
        loop.put(new RibEvent.PeerAdded(TOR, PeerImport.acceptAll(TOR, LOCAL_AS)));
        loop.put(new RibEvent.UpdateReceived(TOR, announce("203.0.113.0/24")));
        for (int i = 0; i < 100; i++) {
            loop.put(new RibEvent.Originate(Prefix.parse("10.244." + i + ".0/24"), ATTRS));
        }
        int[] seen = new int[1];
        loop.put(new RibEvent.Inspect(r -> seen[0] = r.prefixCount()));
        loop.close();
        ribThread.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(ribThread.isAlive()).isFalse();
        assertThat(died).isEmpty();
        assertThat(seen[0]).isEqualTo(101);
        assertThat(loop.offer(new RibEvent.WithdrawOriginated(P))).as("closed").isFalse();
    }

    /** A session of TOR whose output records what it is sent. */
    private static OutboundPeer session(List<List<byte[]>> sent) {
        SessionOutput output = new SessionOutput() {
            @Override
            public boolean isWritable() {
                return true;
            }

            @Override
            public void write(List<byte[]> messages) {
                sent.add(messages);
            }
        };
        return new OutboundPeer(TOR, PeerKind.EXTERNAL, false, SelfNextHops.of(Ipv4Address.parse("192.0.2.254"), null),
                Policy.acceptAll("export"), CAPS, Set.of(Family.IPV4_UNICAST), output);
    }

    @Test
    void anEstablishedSessionRegistersThePeerOnceAndJoinsAdjRibOut() {
        RibEventLoop loop = loop(10, 10);
        List<List<byte[]>> first = new ArrayList<>();
        loop.offer(new RibEvent.Originate(Prefix.parse("10.244.1.0/24"), ATTRS));
        loop.offer(new RibEvent.SessionEstablished(TOR, PeerImport.acceptAll(TOR, LOCAL_AS), Set.of(), session(first)));
        loop.offer(new RibEvent.UpdateReceived(TOR, announce("203.0.113.0/24")));
        loop.drain();
        adjRibOut.flush(dev.podbgp.rib.out.OutputSink.TO_PEER_OUTPUT);

        assertThat(rib.importOf(TOR)).isNotNull();
        assertThat(rib.decision(P)).isNotNull();
        assertThat(adjRibOut.contains(TOR.id())).isTrue();
        assertThat(first).as("the table and End-of-RIB went to the session's own output").isNotEmpty();

        // A reconnect: the registration stays (the routes too, until the RIB is told otherwise), the new session
        // replaces the old one in Adj-RIB-Out.
        List<List<byte[]>> second = new ArrayList<>();
        PeerImport other = PeerImport.acceptAll(TOR, LOCAL_AS).withAllowAsIn(3);
        loop.offer(new RibEvent.SessionEstablished(TOR, other, Set.of(), session(second)));
        loop.drain();
        first.clear();
        adjRibOut.flush(dev.podbgp.rib.out.OutputSink.TO_PEER_OUTPUT);

        assertThat(rib.importOf(TOR).allowAsIn()).isZero();
        assertThat(first).isEmpty();
        assertThat(second).isNotEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void scopedOriginationsFollowTheirEventsAndAnUnconfiguredPeerIsForgotten() {
        RibEventLoop loop = loop(10, 10);
        Prefix service = Prefix.parse("192.0.2.1/32");
        IpAddress never = IpAddress.parse("192.0.2.77");
        PeerScope both = PeerScope.Peers.of(Set.of(TOR.address(), never));
        loop.offer(new RibEvent.Originate(service, ATTRS, both));
        loop.drain();
        assertThat(rib.scopedPeers()).containsExactlyInAnyOrder(TOR.address(), never);

        // A peer that never came up leaves the configuration: what it was told goes with it.
        loop.offer(new RibEvent.PeerUnconfigured(7, never));
        loop.drain();
        assertThat(rib.scopedPeers()).containsExactly(TOR.address());

        loop.offer(new RibEvent.ForgetOriginated(service, PeerScope.Peers.of(Set.of(TOR.address()))));
        loop.drain();
        assertThat(rib.scopedPeers()).isEmpty();
        assertThat(rib.decision(service)).isNull();
        assertThat(failures).isEmpty();
    }

    @Test
    void aSessionThatEndsLeavesAdjRibOutAndPeerDownTakesItsRoutes() {
        RibEventLoop loop = loop(10, 10);
        loop.offer(new RibEvent.SessionEstablished(TOR, PeerImport.acceptAll(TOR, LOCAL_AS), Set.of(),
                session(new ArrayList<>())));
        loop.offer(new RibEvent.UpdateReceived(TOR, announce("203.0.113.0/24")));
        loop.offer(new RibEvent.SessionClosed(TOR.id()));
        loop.drain();
        assertThat(adjRibOut.contains(TOR.id())).isFalse();
        assertThat(rib.decision(P)).as("a session that carried no routes takes none with it").isNotNull();

        loop.offer(new RibEvent.PeerDown(TOR));
        loop.drain();
        assertThat(rib.decision(P)).isNull();
        assertThat(rib.importOf(TOR)).as("still configured").isNotNull();

        loop.offer(new RibEvent.PeerRemoved(TOR));
        loop.drain();
        assertThat(rib.importOf(TOR)).isNull();
        assertThat(failures).isEmpty();
    }

    @Test
    void aRestartingPeerKeepsItsRoutesButIsSentNothing() {
        RibEventLoop loop = loop(10, 10);
        loop.offer(new RibEvent.SessionEstablished(TOR, PeerImport.acceptAll(TOR, LOCAL_AS), Set.of(),
                session(new ArrayList<>())));
        loop.offer(new RibEvent.UpdateReceived(TOR, announce("203.0.113.0/24")));
        loop.offer(new RibEvent.PeerRestarting(TOR, Set.of(Family.IPV4_UNICAST), Duration.ofSeconds(120), Map.of()));
        loop.drain();

        assertThat(adjRibOut.contains(TOR.id())).isFalse();
        assertThat(rib.isStale(TOR, P, 0)).isTrue();

        loop.offer(new RibEvent.RestartTimerExpired(TOR));
        loop.drain();
        assertThat(rib.decision(P)).isNull();
        assertThat(failures).isEmpty();
    }

    @Test
    void settingsAndRefreshesOfAPeerWithoutSessionAreIgnored() {
        RibEventLoop loop = loop(10, 10);
        loop.offer(new RibEvent.ImportChanged(TOR, PeerImport.acceptAll(TOR, LOCAL_AS)));
        loop.offer(new RibEvent.ExportChanged(TOR.id(), PeerKind.EXTERNAL, true, Policy.acceptAll("export")));
        loop.offer(new RibEvent.RefreshRequested(TOR.id(), Family.IPV4_UNICAST, true));
        loop.offer(new RibEvent.Wake());
        loop.drain();

        assertThat(failures).isEmpty();
        assertThat(rib.importOf(TOR)).isNull();
        assertThat(loop.appliedCount()).isEqualTo(4);
    }

    @Test
    void anExportChangeMovesTheRunningSessionAndKeepsItsOutput() {
        RibEventLoop loop = loop(10, 10);
        List<List<byte[]>> sent = new ArrayList<>();
        OutboundPeer joined = session(sent);
        loop.offer(new RibEvent.SessionEstablished(TOR, PeerImport.acceptAll(TOR, LOCAL_AS), Set.of(), joined));
        loop.offer(new RibEvent.ExportChanged(TOR.id(), PeerKind.EXTERNAL, true, Policy.acceptAll("export")));
        loop.drain();

        OutboundPeer now = adjRibOut.peer(TOR.id());
        assertThat(now.nextHopSelf()).isTrue();
        assertThat(now.output()).isSameAs(joined.output());
        assertThat(now.self()).isEqualTo(joined.self());
    }
}
