package dev.podbgp.daemon.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.transport.BgpSpeaker;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.transport.PeerListener;
import dev.podbgp.bgp.transport.SpeakerConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.Aggregator;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.bgp.wire.message.UpdatePacker;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.config.ConfigLoader;
import dev.podbgp.bgp.wire.attr.LargeCommunities;
import dev.podbgp.config.LargeCommunitySpec;
import dev.podbgp.config.StandardCommunity;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.ServiceRoute;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.Decision;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.RibListener;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two speakers on two addresses of one test network namespace (loopback addresses are martian
 * next hops, RFC 4271 §5.1.3, so they cannot carry routes), wired as the daemon wires them (sessions, RIB thread,
 * Adj-RIB-Out) but without a FIB: what one originates reaches the other's Loc-RIB, a policy
 * reload takes effect without a reset, max-prefix and de-configuration end the session with
 * the right Cease, and with graceful restart a stop for restart leaves the routes stale at the
 * peer while a Hard Reset (RFC 8538) flushes them.
 */
class SpeakerPairTest {

    private static final IpAddress A = IpAddress.parse("10.99.0.11");
    private static final IpAddress B = IpAddress.parse("10.99.0.12");
    private static final Prefix A_POD = Prefix.parse("10.240.1.0/24");
    private static final Prefix A_EXTRA = Prefix.parse("10.240.11.0/24");
    private static final Prefix B_POD = Prefix.parse("10.240.2.0/24");
    private static final Prefix B_EXTRA = Prefix.parse("10.240.12.0/24");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String GRACEFUL_RESTART = "gracefulRestart: {enabled: true}";

    @TempDir
    Path dir;

    private final int port = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
    private Speaker a;
    private Speaker b;
    /** Every prefix A's Loc-RIB withdrew, in order. */
    private final Queue<Prefix> withdrawnAtA = new ConcurrentLinkedQueue<>();
    private final RibListener recordWithdrawals = change -> {
        if (change instanceof LocRibChange.Withdrawn w) {
            withdrawnAtA.add(w.prefix());
        }
    };

    private final String namespace = "pbt-spk-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);

    @BeforeEach
    void namespace() throws Exception {
        ip("netns", "add", namespace);
        ip("-n", namespace, "link", "set", "lo", "up");
        ip("-n", namespace, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        ip("-n", namespace, "link", "set", "v0", "up");
        ip("-n", namespace, "link", "set", "v1", "up");
        ip("-n", namespace, "addr", "add", "10.99.0.11/24", "dev", "v0");
        ip("-n", namespace, "addr", "add", "10.99.0.12/24", "dev", "v0");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        } finally {
            ip("netns", "del", namespace);
        }
    }

    private static void ip(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd + " failed: " + out);
        }
    }

    private Speaker start(DesiredState state) {
        return start(state, List.of());
    }

    private Speaker start(DesiredState state, List<RibListener> locRib) {
        return Speaker.start(state, Optional.of(namespace), locRib, SpeakerEvents.NONE);
    }

    private DesiredState nodeA(String podCidrs, String exportPolicy) throws Exception {
        return nodeA(podCidrs, exportPolicy, "");
    }

    /** @param extra top-level YAML added to the file, one key per line */
    private DesiredState nodeA(String podCidrs, String exportPolicy, String extra) throws Exception {
        return ConfigLoader.parse("a.yaml", """
                node: {name: a, routerId: 10.99.0.11, asn: 65001, podCidrs: [%s], clusterPodCidrs: [10.240.0.0/16]}
                listen: {address: 10.99.0.11, port: %d}
                peers:
                  - {address: 10.99.0.12, asn: 65002, port: %d, localAddress: 10.99.0.11,
                     timers: {holdTime: 9, connectRetry: 1}%s}
                policies:
                  tag:
                    default: accept
                    rules:
                      - name: mark
                        actions: [{addCommunity: ["65001:7"]}]
                metrics: {enabled: false}
                controlSocket: %s
                %s
                """.formatted(podCidrs, port, port, exportPolicy, dir.resolve("a.sock"), extra), dir).state();
    }

    private DesiredState nodeB(String maxPrefix) throws Exception {
        return nodeB(maxPrefix, 9);
    }

    private DesiredState nodeB(String maxPrefix, int holdTime) throws Exception {
        return nodeB(maxPrefix, holdTime, "");
    }

    private DesiredState nodeB(String maxPrefix, int holdTime, String extra) throws Exception {
        return ConfigLoader.parse("b.yaml", """
                node: {name: b, routerId: 10.99.0.12, asn: 65002, podCidrs: [10.240.2.0/24], clusterPodCidrs: [10.240.0.0/16]}
                listen: {address: 10.99.0.12, port: %d}
                peers:
                  - {address: 10.99.0.11, asn: 65001, port: %d, localAddress: 10.99.0.12, passive: true,
                     timers: {holdTime: %d, connectRetry: 1}%s}
                metrics: {enabled: false}
                controlSocket: %s
                %s
                """.formatted(port, port, holdTime, maxPrefix, dir.resolve("b.sock"), extra), dir).state();
    }

    /** Node B with no configured peer, only the listen range of the test network: A becomes a dynamic peer. */
    private DesiredState nodeBRange(String peerAs) throws Exception {
        return ConfigLoader.parse("b.yaml", """
                node: {name: b, routerId: 10.99.0.12, asn: 65002, podCidrs: [10.240.2.0/24], clusterPodCidrs: [10.240.0.0/16]}
                listen: {address: 10.99.0.12, port: %d}
                dynamicPeers:
                  - {range: 10.99.0.0/24, peerAs: %s, timers: {holdTime: 9}}
                metrics: {enabled: false}
                controlSocket: %s
                """.formatted(port, peerAs, dir.resolve("b.sock")), dir).state();
    }

    private static Decision decision(Speaker s, Prefix p) throws InterruptedException {
        return s.query(rib -> rib.decision(p), WAIT);
    }

    /** Whether {@code s}'s best route to {@code p} is there and marked stale (RFC 4724 §4.2). */
    private static boolean stale(Speaker s, Prefix p) {
        try {
            return s.query(rib -> {
                Decision d = rib.decision(p);
                return d != null && rib.isStale(d.best().peer(), p, d.best().pathId());
            }, WAIT);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static PeerStatus status(Speaker s) {
        return s.peers().iterator().next();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static boolean has(Speaker s, Prefix p) {
        try {
            return decision(s, p) != null;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void originatedPrefixesReachThePeerAndAPolicyReloadTakesEffectWithoutAReset() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""));
        b = start(nodeB(""));

        await(() -> has(b, A_POD) && has(a, B_POD), "each node's podCIDR at the other");
        Decision learned = decision(b, A_POD);
        assertThat(learned.best().nextHop()).isEqualTo(A);
        // RFC 4271 §5.1.2: our AS prepended towards an external peer.
        assertThat(learned.best().attributes().asPath().toString()).isEqualTo("65001");
        assertThat(learned.best().attributes().communities()).isNull();

        var diff = a.apply(nodeA("10.240.1.0/24", ", exportPolicy: tag"));
        assertThat(diff.peersToReset()).isEmpty();
        await(() -> {
            try {
                Communities c = decision(b, A_POD).best().attributes().communities();
                return c != null && c.contains(Communities.community(65001, 7));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }, "the community the new export policy adds");
        assertThat(status(a).flaps()).isZero();
        assertThat(status(b).flaps()).isZero();
        assertThat(status(a).state()).isEqualTo(SessionState.ESTABLISHED);

        // A podCIDR added by reload is announced on the running session.
        a.apply(nodeA("10.240.1.0/24, 10.240.11.0/24", ", exportPolicy: tag"));
        await(() -> has(b, A_EXTRA), "the added podCIDR");
        assertThat(status(b).flaps()).isZero();
    }

    /** The heap trim's request to the RIB thread: answered after what was queued before, no route or session lost. */
    @Test
    void aTableTrimOnTheRibThreadKeepsTheLearnedRoutesAndTheSession() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""));
        b = start(nodeB(""));
        await(() -> has(b, A_POD) && has(a, B_POD), "each node's podCIDR at the other");

        assertThat(b.trimTables(WAIT)).isTrue();
        assertThat(a.trimTables(WAIT)).isTrue();

        assertThat(decision(b, A_POD).best().nextHop()).isEqualTo(A);
        assertThat(has(a, B_POD)).isTrue();
        a.apply(nodeA("10.240.1.0/24, 10.240.11.0/24", ""));
        await(() -> has(b, A_EXTRA), "a podCIDR added after the trim");
        assertThat(status(a).flaps()).isZero();
        assertThat(status(b).flaps()).isZero();
    }

    @Test
    void rfc4271_s9_2_2_2_aggregatesAddedByReloadReplaceThePodCidrsAndGoWithTheLastContributor() throws Exception {
        // Apart from B's own podCIDR, which B would refuse an overlapping aggregate for (DESIGN.md safe defaults).
        Prefix aggregate = Prefix.parse("10.240.16.0/20");
        Prefix first = Prefix.parse("10.240.16.0/24");
        Prefix second = Prefix.parse("10.240.17.0/24");
        String summary = "aggregates: [{prefix: 10.240.16.0/20, summaryOnly: true}]";
        a = start(nodeA("10.240.16.0/24, 10.240.17.0/24", ""));
        b = start(nodeB(""));
        await(() -> has(b, first) && has(b, second), "A's podCIDRs at B");

        var diff = a.apply(nodeA("10.240.16.0/24, 10.240.17.0/24", "", summary));
        assertThat(diff.settingsChanged()).containsExactly("aggregates");
        await(() -> has(b, aggregate) && !has(b, first) && !has(b, second), "the aggregate alone at B");
        PathAttributes attrs = decision(b, aggregate).best().attributes();
        assertThat(attrs.asPath().toString()).isEqualTo("65001");
        assertThat(attrs.origin()).isEqualTo(Origin.IGP);
        assertThat(attrs.aggregator()).isEqualTo(new Aggregator(65001, Ipv4Address.parse("10.99.0.11")));
        assertThat(attrs.has(AttributeType.ATOMIC_AGGREGATE.code())).as("only our own routes contributed").isFalse();
        assertThat(decision(b, aggregate).best().nextHop()).isEqualTo(A);
        // Adj-RIB-Out only: A's own Loc-RIB (and so its FIB) never holds the aggregate.
        assertThat(has(a, aggregate)).isFalse();

        a.apply(nodeA("10.240.16.0/24", "", summary));
        await(() -> !has(a, second), "A's Loc-RIB without the podCIDR it gave up");
        assertThat(has(b, aggregate)).as("one contributor is left").isTrue();

        a.apply(nodeA("", "", summary));
        await(() -> !has(b, aggregate), "the aggregate withdrawn with its last contributor");

        a.apply(nodeA("10.240.16.0/24, 10.240.17.0/24", ""));
        await(() -> has(b, first) && has(b, second), "the podCIDRs again once the aggregate is removed");
        assertThat(has(b, aggregate)).isFalse();
        assertThat(status(a).flaps()).isZero();
        assertThat(status(b).flaps()).isZero();
    }

    @Test
    void serviceRoutesAreLocalRoutesWithTheirCommunities_changedAndWithdrawnWithoutTouchingTheSession() throws Exception {
        Prefix vip = Prefix.parse("192.0.2.80/32");
        Prefix vip6 = Prefix.parse("2001:db8::80/128");
        DesiredState plain = nodeA("10.240.1.0/24", "");
        ServiceRoute web = new ServiceRoute(vip, List.of("shop/web"), ServiceRoute.Kind.INGRESS,
                List.of(StandardCommunity.parse("65001:80")), List.of(LargeCommunitySpec.parse("65001:1:80")), Optional.of(300L));
        a = start(plain.withServiceRoutes(List.of(web)));
        b = start(nodeB(""));
        await(() -> has(b, vip), "the Service address at B");
        PathAttributes attrs = decision(b, vip).best().attributes();
        assertThat(attrs.communities().contains(Communities.community(65001, 80))).isTrue();
        assertThat(attrs.largeCommunities()).isEqualTo(LargeCommunities.of(65001, 1, 80));
        assertThat(attrs.asPath().toString()).isEqualTo("65001");
        // RFC 4271 §5.1.5: LOCAL_PREF stays inside the AS; A itself ranks by it.
        assertThat(attrs.localPref()).isNull();
        Decision atA = decision(a, vip);
        assertThat(atA.best().peer().isLocal()).as("a local route: the FIB bridge leaves it out of the kernel").isTrue();
        assertThat(atA.best().attributes().localPref().value()).isEqualTo(300);

        ServiceRoute retagged = new ServiceRoute(vip, List.of("shop/web"), ServiceRoute.Kind.INGRESS,
                List.of(StandardCommunity.parse("65001:443")), List.of(), Optional.empty());
        ServiceRoute web6 = new ServiceRoute(vip6, List.of("shop/web"), ServiceRoute.Kind.INGRESS, List.of(), List.of(),
                Optional.empty());
        var diff = a.apply(plain.withServiceRoutes(List.of(retagged, web6)));
        assertThat(diff.peersChanged()).isEmpty();
        assertThat(diff.serviceRoutesAnnounced()).containsExactly(retagged, web6);
        await(() -> {
            try {
                Communities c = decision(b, vip).best().attributes().communities();
                return c != null && c.contains(Communities.community(65001, 443)) && !c.contains(Communities.community(65001, 80));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }, "the new community at B");
        assertThat(decision(a, vip6).best().peer().isLocal()).isTrue();

        assertThat(a.apply(plain).serviceRoutesWithdrawn()).containsExactly(vip, vip6);
        await(() -> !has(b, vip), "the Service address withdrawn at B");
        assertThat(has(a, vip)).isFalse();
        assertThat(has(b, A_POD)).as("the podCIDR stays").isTrue();
        assertThat(status(a).flaps()).isZero();
        assertThat(status(b).flaps()).isZero();
    }

    @Test
    void rfc4486_s4_maxPrefixTearsDownWithCease1() throws Exception {
        a = start(nodeA("10.240.1.0/24, 10.240.11.0/24", ""));
        b = start(nodeB(", maxPrefix: {limit: 1, restartAfter: 0}"));

        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 6/1"), "Cease/1 at the sender, was: " + status(a).lastError());
        // B's own report of the teardown follows on its event loop, which may run after A has read the NOTIFICATION.
        await(() -> status(b).lastError().startsWith("ADMIN_STOP 6/1: torn down with NOTIFICATION 6/1"),
                "B's record of the teardown, was: " + status(b).lastError());
        // restartAfter 0: the session stays down until an operator acts, and the routes are gone.
        assertThat(status(b).state()).isNotEqualTo(SessionState.ESTABLISHED);
        assertThat(has(b, A_POD) || has(b, A_EXTRA)).isFalse();
    }

    @Test
    void rfc4486_s4_aRemovedPeerGetsCease3AndItsRoutesGo() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""));
        DesiredState withPeer = nodeB("");
        b = start(withPeer);
        await(() -> has(b, A_POD), "the route before removal");

        DesiredState withoutPeer = new DesiredState(withPeer.node(), withPeer.originated(), withPeer.clusterPodCidrs(),
                withPeer.listen(), List.of(), withPeer.policies(), withPeer.roles(), withPeer.fib(),
                withPeer.gracefulRestart(), withPeer.cni(), withPeer.controlSocket(), withPeer.metrics(), withPeer.logging());
        b.apply(withoutPeer);

        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 6/3"), "Cease/3 at the removed peer");
        await(() -> !has(b, A_POD), "its route withdrawn");
        assertThat(b.peers()).isEmpty();
    }

    @Test
    void rfc4486_s4_aSessionResetForAConfigurationChangeGetsCease6AndComesBack() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""));
        b = start(nodeB(""));
        await(() -> has(b, A_POD), "the route before the change");

        var diff = b.apply(nodeB("", 12));
        assertThat(diff.peersToReset()).containsExactly(A);

        // Other Configuration Change, not Peer De-configured: the peer is still configured.
        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 6/6"),
                "Cease/6 at the peer, was: " + status(a).lastError());
        await(() -> status(b).state() == SessionState.ESTABLISHED && has(b, A_POD), "the session back with its route");
    }

    @Test
    void rfc8538_s4_shutdownForRestartWithNLeavesTheRoutesStaleAtThePeerUntilItIsBack() throws Exception {
        a = start(nodeA("10.240.1.0/24", "", GRACEFUL_RESTART), List.of(recordWithdrawals));
        DesiredState stateB = nodeB("", 9, GRACEFUL_RESTART);
        b = start(stateB);
        await(() -> has(a, B_POD), "B's podCIDR at A");

        b.shutdownForRestart("podbgp upgrade");

        // Cease/Administrative Reset, not a Hard Reset: with N both sides keep the other's routes.
        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 6/4: shutdown communication \"podbgp upgrade\""),
                "Cease/4 at A, was: " + status(a).lastError());
        await(() -> stale(a, B_POD), "B's podCIDR kept stale at A");

        b = start(stateB);
        await(() -> status(b).state() == SessionState.ESTABLISHED && has(a, B_POD) && !stale(a, B_POD),
                "B back, its route sent again and no longer stale");
        assertThat(withdrawnAtA).as("withdrawn at A across B's restart").doesNotContain(B_POD);
    }

    @Test
    void rfc8538_s5_anOrdinaryShutdownWithNIsAHardResetAndThePeerFlushesTheRoutes() throws Exception {
        a = start(nodeA("10.240.1.0/24", "", GRACEFUL_RESTART));
        b = start(nodeB("", 9, GRACEFUL_RESTART));
        await(() -> has(a, B_POD), "B's podCIDR at A");

        b.shutdown("decommissioned");

        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 6/9(6/2): hard reset, shutdown communication"),
                "Hard Reset at A, was: " + status(a).lastError());
        await(() -> !has(a, B_POD), "B's podCIDR gone from A at once, not after the restart time");
    }

    @Test
    void rfc4724_s4_2_aPeerThatClosesWithoutNotificationOnItsStopForRestartKeepsItsRoutesStaleHere() throws Exception {
        a = start(nodeA("10.240.1.0/24", "", GRACEFUL_RESTART), List.of(recordWithdrawals));
        // B is a bare transport speaker whose Graceful Restart capability has no N bit.
        GracefulRestart withoutN = new GracefulRestart(0, 120,
                List.of(new GracefulRestart.Entry(Family.IPV4_UNICAST, GracefulRestart.FORWARDING_STATE)));
        SessionConfig plain = SessionConfig.of(65002, 65001, Ipv4Address.parse("10.99.0.12"), Set.of(Family.IPV4_UNICAST));
        List<Capability> caps = new ArrayList<>(plain.capabilities().stream().filter(c -> !(c instanceof GracefulRestart)).toList());
        caps.add(withoutN);
        SpeakerConfig listen = SpeakerConfig.listeningOn(new InetSocketAddress(SessionMapper.inet(B), port));
        BgpSpeaker bare = BgpSpeaker.start(listen.withThreadFactory(NetworkNamespace.named(namespace).threadFactory(listen.threadFactory())),
                new PeerListener() {
                    @Override
                    public void established(BgpPeer peer, NegotiatedSession session) {
                        peer.send(UpdatePacker.announce(Family.IPV4_UNICAST, PathAttributes.of(Origin.IGP, AsPath.ofSequence(65002)),
                                B, null, List.of(NlriEntry.of(B_POD)), session.codec()));
                        peer.send(List.of(session.endOfRib(Family.IPV4_UNICAST)));
                    }
                });
        try {
            bare.addPeer(PeerConfig.of(SessionMapper.inet(A), plain.withCapabilities(caps, plain.required()).withPassive(true))
                    .withPort(port).withLocalAddress(SessionMapper.inet(B)));
            await(() -> has(a, B_POD), "B's podCIDR at A");

            bare.shutdownForRestart("podbgp upgrade");

            await(() -> status(a).lastError().startsWith("CONNECTION_FAILED"), "the connection lost at A, was: " + status(a).lastError());
            await(() -> stale(a, B_POD), "B's podCIDR kept stale at A");
            assertThat(withdrawnAtA).doesNotContain(B_POD);
        } finally {
            bare.close();
        }
    }

    @Test
    void rfc7313_s4_whatAPeerDoesNotSendAgainBetweenItsBorrAndEorrIsRemovedAtTheEorr() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""), List.of(recordWithdrawals));
        // B is a bare transport speaker, so the test decides what its refresh re-sends: a podbgp peer would
        // withdraw what it no longer has instead of leaving it out.
        SessionConfig plain = SessionConfig.of(65002, 65001, Ipv4Address.parse("10.99.0.12"), Set.of(Family.IPV4_UNICAST));
        PathAttributes attrs = PathAttributes.of(Origin.IGP, AsPath.ofSequence(65002));
        CompletableFuture<NegotiatedSession> session = new CompletableFuture<>();
        CompletableFuture<BgpPeer> peerB = new CompletableFuture<>();
        SpeakerConfig listen = SpeakerConfig.listeningOn(new InetSocketAddress(SessionMapper.inet(B), port));
        BgpSpeaker bare = BgpSpeaker.start(listen.withThreadFactory(NetworkNamespace.named(namespace).threadFactory(listen.threadFactory())),
                new PeerListener() {
                    @Override
                    public void established(BgpPeer peer, NegotiatedSession negotiated) {
                        peer.send(UpdatePacker.announce(Family.IPV4_UNICAST, attrs, B, null,
                                List.of(NlriEntry.of(B_POD), NlriEntry.of(B_EXTRA)), negotiated.codec()));
                        peer.send(List.of(negotiated.endOfRib(Family.IPV4_UNICAST)));
                        session.complete(negotiated);
                        peerB.complete(peer);
                    }
                });
        try {
            bare.addPeer(PeerConfig.of(SessionMapper.inet(A), plain.withPassive(true)).withPort(port)
                    .withLocalAddress(SessionMapper.inet(B)));
            await(() -> has(a, B_POD) && has(a, B_EXTRA), "B's two prefixes at A");
            NegotiatedSession n = session.get();
            assertThat(n.enhancedRouteRefresh()).isTrue();

            peerB.get().send(List.of(n.beginOfRouteRefresh(Family.IPV4_UNICAST)));
            peerB.get().send(UpdatePacker.announce(Family.IPV4_UNICAST, attrs, B, null, List.of(NlriEntry.of(B_POD)),
                    n.codec()));
            peerB.get().send(List.of(n.endOfRouteRefresh(Family.IPV4_UNICAST)));

            await(() -> !has(a, B_EXTRA), "the prefix left out of the refresh removed at the EoRR");
            assertThat(has(a, B_POD)).as("the prefix sent again").isTrue();
            assertThat(withdrawnAtA).containsExactly(B_EXTRA);
            assertThat(status(a).flaps()).isZero();
            assertThat(status(a).state()).isEqualTo(SessionState.ESTABLISHED);
        } finally {
            bare.close();
        }
    }

    @Test
    void maxPrefixTeardownWithRestartAfter0_staysDownUntilAnOperatorClearsTheNeighbor() throws Exception {
        a = start(nodeA("10.240.1.0/24, 10.240.11.0/24", ""));
        b = start(nodeB(", maxPrefix: {limit: 1, restartAfter: 0}"));
        await(() -> status(b).lastError().startsWith("ADMIN_STOP 6/1"), "the max-prefix teardown at B");

        // The operator removes the cause, then clears: B takes connections again, A retries now, not after its backoff.
        a.apply(nodeA("10.240.1.0/24", ""));
        assertThat(b.neighborCommands().clear(A)).startsWith("starting the session to 10.99.0.11 (it was Idle: ADMIN_STOP 6/1");
        assertThat(a.neighborCommands().clear(B)).startsWith("starting the session to 10.99.0.12");
        await(() -> status(b).state() == SessionState.ESTABLISHED && has(b, A_POD), "the session back with A's podCIDR");
        assertThat(has(b, A_EXTRA)).isFalse();
    }

    @Test
    void rfc4486_s4_clearNeighborOfAnEstablishedSessionSendsCease4AndTheSessionComesBack() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""));
        b = start(nodeB(""));
        await(() -> has(b, A_POD) && status(b).state() == SessionState.ESTABLISHED, "the session up");

        assertThat(b.neighborCommands().clear(A)).startsWith("reset the session to 10.99.0.11 (was Established)");

        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 6/4: shutdown communication \"podbgp clear neighbor\""),
                "Cease/4 at A, was: " + status(a).lastError());
        await(() -> status(a).flaps() == 1 && status(b).state() == SessionState.ESTABLISHED && has(b, A_POD),
                "the session back with A's podCIDR");
    }

    @Test
    void rfc2918_softClearInAndOutExchangeTheRoutesAgainWithoutAReset() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""));
        b = start(nodeB(""));
        await(() -> has(b, A_POD) && has(a, B_POD), "each node's podCIDR at the other");

        long inAtB = status(b).updatesIn();
        assertThat(b.neighborCommands().refreshFrom(A)).startsWith("asked 10.99.0.11 for its routes again (ROUTE-REFRESH for");
        await(() -> status(b).updatesIn() > inAtB, "A's routes sent to B again");

        long inAtA = status(a).updatesIn();
        assertThat(b.neighborCommands().resendTo(A)).isEqualTo("sending 10.99.0.11 our routes again");
        await(() -> status(a).updatesIn() > inAtA, "B's routes sent to A again");

        assertThat(status(a).flaps()).isZero();
        assertThat(status(b).flaps()).isZero();
        assertThat(has(a, B_POD) && has(b, A_POD)).isTrue();
    }

    @Test
    void clearNeighbor_anUnknownAddressOrASoftClearOfASessionThatIsNotUp_isRefused() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""));

        assertThatThrownBy(() -> a.neighborCommands().clear(IpAddress.parse("10.99.0.99")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no configured peer has address 10.99.0.99");
        assertThatThrownBy(() -> a.neighborCommands().refreshFrom(B))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not Established");
        assertThatThrownBy(() -> a.neighborCommands().resendTo(B))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without --soft starts it");
    }

    @Test
    void rfc5882_bfdDownOfAnEstablishedSessionEndsItWithCeaseBfdDown_andTheRoutesGoAlthoughGracefulRestartIsOn()
            throws Exception {
        a = start(nodeA("10.240.1.0/24", "", GRACEFUL_RESTART), List.of(recordWithdrawals));
        b = start(nodeB("", 9, GRACEFUL_RESTART));
        await(() -> has(a, B_POD) && status(a).state() == SessionState.ESTABLISHED, "B's podCIDR at A");

        assertThat(a.paths().bfdDown(B, false, "BFD down: control detection time expired")).isEqualTo("BGP session ended, routes removed");

        // With N negotiated, BFD Down goes as a Hard Reset: B drops A's routes too.
        await(() -> status(b).lastError().startsWith("NOTIFICATION_RECEIVED 6/9(6/10)"), "Cease/BFD Down at B, was: " + status(b).lastError());
        assertThat(status(a).lastError()).startsWith("PATH_DOWN");
        await(() -> withdrawnAtA.contains(B_POD), "B's podCIDR withdrawn at A at once, not kept stale");
    }

    @Test
    void rfc5882_s4_3_2_bfdDownDuringAPeersRestart_dropsTheStaleRoutesOnlyWhenThePeersCBitIsSet() throws Exception {
        a = start(nodeA("10.240.1.0/24", "", GRACEFUL_RESTART), List.of(recordWithdrawals));
        b = start(nodeB("", 9, GRACEFUL_RESTART));
        await(() -> has(a, B_POD), "B's podCIDR at A");
        b.shutdownForRestart("podbgp upgrade");
        await(() -> stale(a, B_POD), "B's podCIDR kept stale at A");

        assertThat(a.paths().bfdDown(B, false, "BFD down")).startsWith("BGP already down; stale routes kept");
        Thread.sleep(300);
        assertThat(stale(a, B_POD)).as("C bit clear: B's restart took its BFD down, the route stays").isTrue();

        assertThat(a.paths().bfdDown(B, true, "BFD down")).startsWith("BGP already down; stale routes removed");
        await(() -> !has(a, B_POD), "C bit set: forwarding failed, the stale route goes at once");
    }

    @Test
    void aPeerFromAListenRangeIsShownAsDynamicAndItsRoutesGoWithItsSession() throws Exception {
        b = start(nodeBRange("external"));
        a = start(nodeA("10.240.1.0/24", ""));
        await(() -> has(b, A_POD) && has(a, B_POD), "each node's podCIDR at the other");
        PeerStatus dynamic = status(b);
        assertThat(dynamic.address()).isEqualTo(A);
        assertThat(dynamic.dynamicRange()).contains(Prefix.parse("10.99.0.0/24"));
        assertThat(dynamic.asn()).as("the AS of its OPEN").isEqualTo(65001);
        assertThat(dynamic.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(status(a).dynamicRange()).isEmpty();

        a.close();
        a = null;
        await(() -> b.peers().isEmpty() && !has(b, A_POD), "the dynamic peer and its route gone");
    }

    @Test
    void rfc4486_s4_aListenRangeRemovedByReloadEndsItsSessionsWithCease3() throws Exception {
        DesiredState ranged = nodeBRange("65001");
        b = start(ranged);
        a = start(nodeA("10.240.1.0/24", ""));
        await(() -> has(b, A_POD), "the route from the dynamic peer");

        DesiredState closed = new DesiredState(ranged.node(), ranged.originated(), ranged.clusterPodCidrs(), ranged.listen(),
                List.of(), ranged.policies(), ranged.roles(), ranged.fib(), ranged.gracefulRestart(), ranged.cni(),
                ranged.controlSocket(), ranged.metrics(), ranged.logging());
        assertThat(b.apply(closed).settingsChanged()).contains("dynamicPeers");
        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 6/3"), "Cease/3 at A, was: " + status(a).lastError());
        await(() -> b.peers().isEmpty() && !has(b, A_POD), "the dynamic peer and its route gone");
    }

    @Test
    void rfc4271_s6_2_anAsTheListenRangeDoesNotAdmitIsBadPeerAs() throws Exception {
        b = start(nodeBRange("\"65100-65110\""));
        a = start(nodeA("10.240.1.0/24", ""));
        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 2/2"), "Bad Peer AS at A, was: " + status(a).lastError());
        await(() -> b.peers().isEmpty(), "no dynamic peer left at B");
        assertThat(has(b, A_POD)).isFalse();
    }

    @Test
    void theDefaultGatewaysPeerFollowsTheGateway() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""));
        DesiredState gatewayOnly = ConfigLoader.parse("b.yaml", """
                node: {name: b, routerId: 10.99.0.12, asn: 65002, podCidrs: [10.240.2.0/24], clusterPodCidrs: [10.240.0.0/16]}
                listen: {address: 10.99.0.12, port: %d}
                defaultGatewayPeer: {asn: 65001, port: %d, localAddress: 10.99.0.12, timers: {holdTime: 9, connectRetry: 1}}
                metrics: {enabled: false}
                controlSocket: %s
                """.formatted(port, port, dir.resolve("b.sock")), dir).state();
        b = start(gatewayOnly);
        assertThat(b.peers()).as("no gateway known yet").isEmpty();

        assertThat(b.gatewayChanged(Optional.of(A))).isTrue();
        await(() -> has(b, A_POD) && has(a, B_POD), "routes over the gateway's session");
        assertThat(status(b).address()).isEqualTo(A);
        assertThat(b.gatewayChanged(Optional.of(A))).as("the same gateway changes nothing").isFalse();

        // The default route went elsewhere (here: away): the old gateway's session ends as a removed peer's would.
        assertThat(b.gatewayChanged(Optional.empty())).isTrue();
        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 6/3"), "Cease/3 at A, was: " + status(a).lastError());
        await(() -> b.peers().isEmpty() && !has(b, A_POD), "the gateway's peer and its route gone");

        // A reload keeps the gateway's peer, which is not in the file.
        b.gatewayChanged(Optional.of(A));
        await(() -> has(b, A_POD), "the gateway peered again");
        b.apply(gatewayOnly);
        assertThat(b.peers()).hasSize(1);
        assertThat(status(b).state()).isEqualTo(SessionState.ESTABLISHED);
    }

    private static final Prefix A_POD6 = Prefix.parse("fd00:10:240:1::/64");
    private static final String BOTH_FAMILIES = ", families: [ipv4 unicast, ipv6 unicast]";

    @Test
    void rfc2545_oneIpv4SessionCarriesBothPodCidrs_theIpv6OneWithTheInterfacesGlobalAndLinkLocalNextHops() throws Exception {
        ip("-n", namespace, "addr", "add", "2001:db8:99::11/64", "dev", "v0", "nodad");
        a = start(nodeA("10.240.1.0/24, fd00:10:240:1::/64", BOTH_FAMILIES));
        b = start(nodeB(BOTH_FAMILIES));

        await(() -> has(b, A_POD) && has(b, A_POD6), "both of A's podCIDRs at B over the one IPv4 session");
        assertThat(decision(b, A_POD).best().nextHop()).isEqualTo(A);
        assertThat(decision(b, A_POD6).best().nextHop()).isEqualTo(IpAddress.parse("2001:db8:99::11"));
        var self = status(a).nextHops();
        assertThat(self.ipv6()).isEqualTo(IpAddress.parse("2001:db8:99::11"));
        // B is on v0's subnet: the link-local of v0 goes after the global address (RFC 2545 §3).
        assertThat(self.ipv6LinkLocal()).isNotNull();
        assertThat(self.ipv6LinkLocal().isLinkLocal()).isTrue();
        assertThat(status(a).withoutNextHop()).isEmpty();
    }

    @Test
    void anIpv6PodCidrWithoutAnIpv6AddressIsNotSent_untilNextHopGivesOne() throws Exception {
        a = start(nodeA("10.240.1.0/24, fd00:10:240:1::/64", BOTH_FAMILIES));
        b = start(nodeB(BOTH_FAMILIES));
        await(() -> has(b, A_POD), "A's IPv4 podCIDR at B");
        assertThat(status(a).withoutNextHop()).containsExactly(Family.IPV6_UNICAST);
        Thread.sleep(300);
        assertThat(has(b, A_POD6)).as("no IPv6 address of A's on v0: the IPv6 podCIDR has no next hop").isFalse();

        var diff = a.apply(nodeA("10.240.1.0/24, fd00:10:240:1::/64", BOTH_FAMILIES + ", nextHop: {ipv6: '2001:db8:99::99'}"));
        assertThat(diff.peersToReset()).containsExactly(B);
        await(() -> has(b, A_POD6), "the IPv6 podCIDR once nextHop.ipv6 is given");
        assertThat(decision(b, A_POD6).best().nextHop()).isEqualTo(IpAddress.parse("2001:db8:99::99"));
        assertThat(status(a).withoutNextHop()).isEmpty();
    }

    /** A node of the IPv6 session test: it peers from {@code self} to {@code peer}, both families. */
    private DesiredState overIpv6(String name, String self, String peer, long asn, long peerAs, String podCidrs,
            String extra) throws Exception {
        return ConfigLoader.parse(name + ".yaml", """
                node: {name: %s, routerId: 10.99.0.%s, asn: %d, podCidrs: [%s], clusterPodCidrs: [10.240.0.0/16]}
                listen: {address: '%s', port: %d}
                peers:
                  - {address: '%s', asn: %d, port: %d, localAddress: '%s', families: [ipv4 unicast, ipv6 unicast],
                     timers: {holdTime: 9, connectRetry: 1}%s}
                metrics: {enabled: false}
                controlSocket: %s
                """.formatted(name, name.equals("a") ? "11" : "12", asn, podCidrs, self, port, peer, peerAs, port, self,
                extra, dir.resolve(name + ".sock")), dir).state();
    }

    @Test
    void oneIpv6SessionCarriesTheIpv4PodCidrWithTheInterfacesIpv4Address() throws Exception {
        ip("-n", namespace, "addr", "add", "2001:db8:99::11/64", "dev", "v0", "nodad");
        ip("-n", namespace, "addr", "add", "2001:db8:99::12/64", "dev", "v0", "nodad");
        a = start(overIpv6("a", "2001:db8:99::11", "2001:db8:99::12", 65001, 65002,
                "10.240.1.0/24, fd00:10:240:1::/64", ""));
        b = start(overIpv6("b", "2001:db8:99::12", "2001:db8:99::11", 65002, 65001, "10.240.2.0/24", ", passive: true"));

        await(() -> has(b, A_POD) && has(b, A_POD6), "both of A's podCIDRs at B over the one IPv6 session");
        assertThat(decision(b, A_POD6).best().nextHop()).isEqualTo(IpAddress.parse("2001:db8:99::11"));
        // No RFC 8950 here: the IPv4 podCIDR goes with an IPv4 address of A's on v0, its first one.
        assertThat(decision(b, A_POD).best().nextHop()).isEqualTo(A);
        assertThat(status(a).nextHops().ipv4()).isEqualTo(A);
    }
}
