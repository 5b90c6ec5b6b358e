package dev.podbgp.interop;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;
import static dev.podbgp.interop.Interop.AS4;
import static dev.podbgp.interop.Interop.BOTH;
import static dev.podbgp.interop.Interop.REFUSED;
import static dev.podbgp.interop.Interop.ROUTE;
import static dev.podbgp.interop.Interop.UP;
import static dev.podbgp.interop.PodbgpPair.OUR_V4;
import static dev.podbgp.interop.PodbgpPair.OUR_V6;
import static dev.podbgp.interop.PodbgpPair.PEER_V4;
import static dev.podbgp.interop.PodbgpPair.PEER_V6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.DownReason;
import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.transport.TtlPolicy;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.interop.InteropPeer.Feature;
import dev.podbgp.interop.InteropPeer.Kind;
import dev.podbgp.interop.PodbgpPair.Ases;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.Peer;
import dev.podbgp.lab.peer.RouteAttributes;
import dev.podbgp.lab.podbgp.OriginatedRoute;
import dev.podbgp.lab.podbgp.PodbgpNode;
import dev.podbgp.lab.podbgp.ReceivedRoute;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * podbgp against FRR, BIRD, GoBGP and ExaBGP in network namespaces, FRR also in a container (the
 * FRR fixture's two backends): one scenario set, run for every daemon whose {@link Kind#features()}
 * has what the scenario needs (the argument sources below). What only one daemon can show is read through its {@link InteropPeer}.
 */
@ExtendWith(LabExtension.class)
class InteropScenariosTest {

    static Stream<Kind> all() {
        return Kind.ALL.stream();
    }

    static Stream<Kind> asksRefresh() {
        return Kind.with(Feature.ASKS_REFRESH);
    }

    static Stream<Kind> resendsTable() {
        return Kind.with(Feature.RESENDS_TABLE);
    }

    static Stream<Kind> md5() {
        return Kind.with(Feature.MD5);
    }

    static Stream<Kind> shutdownMessage() {
        return Kind.with(Feature.SHUTDOWN_MESSAGE);
    }

    static Stream<Kind> gtsm() {
        return Kind.with(Feature.GTSM);
    }

    static Stream<Kind> helpsOurRestart() {
        return Kind.with(Feature.HELPS_OUR_RESTART);
    }

    static Stream<Kind> hardReset() {
        return Kind.with(Feature.HARD_RESET);
    }

    /** podbgp and one daemon on one link, both started, podbgp's session to it added. */
    private record Run(PodbgpPair pair, InteropPeer peer, PodbgpNode podbgp, BgpPeer session, IpAddress peerAddress,
                       Ases ases) {
        Peer daemon() {
            return peer.daemon();
        }

        void awaitUp() {
            podbgp.awaitEstablished(peerAddress, UP);
            daemon().awaitEstablished(UP);
        }

        /** Waits until the session is up and each side has the other's routes of both families. */
        Run exchanging() {
            awaitUp();
            podbgp.awaitRoute(peerAddress, PEER_V4.prefix(), ROUTE);
            podbgp.awaitRoute(peerAddress, PEER_V6.prefix(), ROUTE);
            daemon().awaitRoute(OUR_V4.prefix(), ROUTE);
            daemon().awaitRoute(OUR_V6.prefix(), ROUTE);
            return this;
        }

        NegotiatedSession negotiated() {
            return podbgp.peer(peerAddress).negotiated().orElseThrow();
        }

        /** Neither side's view shows the session ever reset. */
        void assertNeverReset() {
            assertThat(podbgp.state(peerAddress)).isEqualTo(SessionState.ESTABLISHED);
            Interop.assertNeverReset(podbgp, peerAddress);
            peer.assertUnbroken();
        }

        /**
         * {@link #assertNeverReset()}, and no attempt at all failed after the first {@code downs}:
         * stricter than the resets alone, which leave out the connection collisions of the start.
         */
        void assertNeverReset(int downs) {
            assertNeverReset();
            assertThat(podbgp.downs()).as("sessions down since the start of the scenario").hasSize(downs);
        }
    }

    /**
     * Starts the daemon ({@code peerSide} changes its neighbor), then podbgp, then adds podbgp's
     * session as {@code podSide} makes it; that runs once the daemon is up and before podbgp
     * dials, so it may also reconfigure the daemon.
     */
    private static Run start(Lab lab, Kind kind, AddressFamily transport, Ases ases, UnaryOperator<Neighbor> peerSide,
                             BiFunction<InteropPeer, PeerConfig, PeerConfig> podSide) {
        PodbgpPair pair = PodbgpPair.create(lab, kind.label());
        InteropPeer peer = kind.start(pair, transport, ases, peerSide);
        PodbgpNode podbgp = pair.startPodbgp(transport);
        BgpPeer session = pair.addPeer(podbgp, transport, ases, c -> podSide.apply(peer, c));
        return new Run(pair, peer, podbgp, session, pair.peerAddress(transport), ases);
    }

    /** eBGP over IPv4 with the daemon's AS numbers, nothing changed on either side. */
    private static Run start(Lab lab, Kind kind) {
        return start(lab, kind, IPV4, kind.ebgp(), n -> n, (p, c) -> c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void ebgpOverIpv4WithFourOctetAsCarriesBothFamiliesBothWays(Kind kind, Lab lab) {
        assertExchange(start(lab, kind));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void ibgpOverIpv6TransportWithFourOctetAsCarriesBothFamiliesBothWays(Kind kind, Lab lab) {
        assertExchange(start(lab, kind, IPV6, new Ases(AS4, AS4), n -> n, (p, c) -> c));
    }

    /**
     * Both families both ways on an Established session: each side gets the other's routes with
     * the attributes sent, and End-of-RIB, and then the withdrawals. On eBGP the AS path is the
     * sender's AS and no LOCAL_PREF goes out; on iBGP the path is empty and LOCAL_PREF is 100
     * (RFC 4271 §5.1.2, §5.1.5).
     */
    private static void assertExchange(Run r) {
        boolean ebgp = r.ases().ebgp();
        r.awaitUp();
        assertThat(r.negotiated().families()).containsExactlyInAnyOrderElementsOf(BOTH);
        assertThat(r.negotiated().peerAs()).isEqualTo(r.ases().peer());
        r.peer().assertSawOurAs(r.ases().pod());

        // The peer learns ours with what we sent.
        OptionalLong localPref = ebgp ? r.peer().localPrefOfEbgpRoutes() : OptionalLong.of(100);
        List<Long> ourPath = ebgp ? List.of(r.ases().pod()) : List.of();
        assertThat(r.daemon().awaitRoute(OUR_V4.prefix(), ROUTE)).isEqualTo(new RouteAttributes(
                r.pair().podAddress(IPV4), ourPath, List.of(new Community(65000, 100)), OptionalLong.of(5), localPref));
        assertThat(r.daemon().awaitRoute(OUR_V6.prefix(), ROUTE)).isEqualTo(new RouteAttributes(
                r.pair().podAddress(IPV6), ourPath, List.of(new Community(65000, 106)), OptionalLong.of(6), localPref));
        r.peer().awaitEndOfRib();

        // We learn the peer's with what it sent.
        AsPath theirPath = ebgp ? AsPath.ofSequence(r.ases().peer()) : AsPath.EMPTY;
        r.podbgp().awaitRoute(r.peerAddress(), PEER_V4.prefix(), ROUTE);
        r.podbgp().awaitRoute(r.peerAddress(), PEER_V6.prefix(), ROUTE);
        assertReceived(r, PEER_V4.prefix(), IPV4, theirPath, 20, Communities.community(65010, 1));
        assertReceived(r, PEER_V6.prefix(), IPV6, theirPath, 30, Communities.community(65010, 2));
        r.podbgp().await(() -> r.podbgp().endOfRibFrom(r.peerAddress()).containsAll(BOTH), ROUTE,
                "End-of-RIB from " + r.daemon().name() + " for both families");

        // Withdrawals both ways, both families.
        for (OriginatedRoute ours : List.of(OUR_V4, OUR_V6)) {
            r.podbgp().withdraw(ours.prefix());
            r.daemon().awaitNoRoute(ours.prefix(), ROUTE);
        }
        for (Prefix theirs : List.of(PEER_V4.prefix(), PEER_V6.prefix())) {
            r.daemon().withdraw(theirs);
            r.podbgp().awaitNoRoute(r.peerAddress(), theirs, ROUTE);
        }
        r.assertNeverReset();
    }

    private static void assertReceived(Run r, Prefix prefix, AddressFamily nextHopFamily, AsPath path, long med,
                                       int community) {
        ReceivedRoute got = r.podbgp().receivedFrom(r.peerAddress()).get(prefix);
        assertThat(got.nextHop()).isEqualTo(r.pair().peerAddress(nextHopFamily));
        assertThat(got.attributes().asPath()).isEqualTo(path);
        assertThat(got.attributes().med().value()).isEqualTo(med);
        assertThat(got.attributes().communities().values()).containsExactly(community);
        if (r.ases().ebgp()) {
            assertThat(got.attributes().localPref()).as("LOCAL_PREF over eBGP").isNull();
        } else {
            assertThat(got.attributes().localPref().value()).isEqualTo(100);
        }
    }

    /** RFC 2918: we ask, and the daemon sends its routes of that family again. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void rfc2918_ourRouteRefreshMakesThePeerResendItsRoutesWithoutResettingTheSession(Kind kind, Lab lab) {
        Run r = start(lab, kind, IPV4, kind.ebgp(), n -> n, InteropPeer::forOurRefresh).exchanging();
        int downs = r.podbgp().downs().size();

        List<Family> asked = List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
        for (Family f : asked) {
            Prefix prefix = (f.equals(Family.IPV4_UNICAST) ? PEER_V4 : PEER_V6).prefix();
            int before = r.podbgp().announcementsOf(r.peerAddress(), prefix);
            r.podbgp().forgetReceived(r.peerAddress());
            r.session().requestRefresh(f);
            r.podbgp().awaitRoute(r.peerAddress(), prefix, ROUTE);
            r.podbgp().await(() -> r.podbgp().announcementsOf(r.peerAddress(), prefix) > before, ROUTE,
                    prefix + " announced again after our route refresh");
        }
        r.peer().assertGotRefreshRequests(asked);
        r.assertNeverReset(downs);
    }

    /** The daemon asks; we answer with our routes of both families (RFC 7313 §4 framing where negotiated). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("asksRefresh")
    void theirRouteRefreshIsAnsweredWithOurRoutesWithoutResettingTheSession(Kind kind, Lab lab) {
        Run r = start(lab, kind).exchanging();
        int downs = r.podbgp().downs().size();
        assertThat(r.negotiated().enhancedRouteRefresh()).isTrue();

        r.peer().askRefreshAndAwaitAnswer();
        r.podbgp().await(() -> r.podbgp().refreshRequestsFrom(r.peerAddress()).containsAll(BOTH), ROUTE,
                "route refresh requests from " + r.daemon().name() + " for both families");
        assertThat(r.daemon().receivedRoutes()).containsKeys(OUR_V4.prefix(), OUR_V6.prefix());
        r.assertNeverReset(downs);
    }

    /** The daemon sends its whole table again with no message to us ("soft out"): nothing resets. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("resendsTable")
    void peerResendingItsTableUnaskedIsTakenWithoutResettingTheSession(Kind kind, Lab lab) {
        Run r = start(lab, kind).exchanging();
        int downs = r.podbgp().downs().size();

        r.podbgp().forgetReceived(r.peerAddress());
        r.peer().resendTable();
        r.podbgp().awaitRoute(r.peerAddress(), PEER_V4.prefix(), ROUTE);
        r.podbgp().awaitRoute(r.peerAddress(), PEER_V6.prefix(), ROUTE);
        r.assertNeverReset(downs);
    }

    /**
     * Freezes the daemon (SIGSTOP): podbgp must drop the session within the negotiated hold time
     * with Hold Timer Expired (RFC 4271 §6.5, NOTIFICATION 4/0) and forget its routes, and after
     * the daemon is thawed our backoff brings the session and the routes of both sides back.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void rfc4271_s6_5_frozenPeerIsDroppedWithHoldTimerExpiredAndComesBackAfterThaw(Kind kind, Lab lab) {
        Run r = start(lab, kind).exchanging();
        int hold = r.negotiated().holdTime();
        assertThat(hold).isBetween(3, Interop.HOLD);

        long frozenAt = System.nanoTime();
        r.daemon().freeze();
        long tookMs;
        try {
            r.podbgp().await(() -> !Interop.resets(r.podbgp(), r.peerAddress()).isEmpty(), Duration.ofSeconds(hold + 2),
                    "podbgp dropping the frozen " + r.daemon().name());
            tookMs = Duration.ofNanos(System.nanoTime() - frozenAt).toMillis();
            assertThat(r.podbgp().receivedFrom(r.peerAddress())).isEmpty();
        } finally {
            r.daemon().thaw();
        }
        Interop.assertHoldTimerExpired(r.podbgp(), r.peerAddress());
        // The daemons send a KEEPALIVE every second, so the drop comes between hold - 1 s and the
        // hold time after the freeze, with 1 s of slack for the freeze itself on a loaded machine.
        assertThat(tookMs).isBetween((hold - 1) * 1000L, hold * 1000L + 1000);

        r.awaitUp();
        r.daemon().awaitRoute(OUR_V4.prefix(), ROUTE);
        r.podbgp().awaitRoute(r.peerAddress(), PEER_V4.prefix(), ROUTE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("md5")
    void md5WithTheSamePasswordComesUp(Kind kind, Lab lab) {
        Run r = start(lab, kind, IPV4, kind.ebgp(), n -> n.password("pbt-md5-secret"),
                (p, c) -> c.withMd5Password("pbt-md5-secret"));
        r.awaitUp();
        r.daemon().awaitRoute(OUR_V4.prefix(), ROUTE);
        // What the mismatch below counts as zero is counted here.
        assertThat(r.peer().opensReceived()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("md5")
    void md5WithAnotherPasswordNeverComesUp(Kind kind, Lab lab) {
        Run r = start(lab, kind, IPV4, kind.ebgp(), n -> n.password("pbt-md5-secret"),
                (p, c) -> c.withMd5Password("pbt-md5-other"));

        // RFC 2385 §2.0: segments with a wrong digest are dropped, so no connection is ever made.
        Interop.assertNever("a session with mismatched MD5 passwords reached Established", REFUSED,
                () -> r.podbgp().state(r.peerAddress()).compareTo(SessionState.OPEN_SENT) >= 0
                        || r.daemon().state(r.peer().pod()) == dev.podbgp.lab.peer.SessionState.ESTABLISHED,
                () -> r.podbgp().describe() + r.daemon().logs());
        // Not even TCP got through: no attempt of ours ever left Connect/Active with a connection.
        assertThat(r.podbgp().downs()).allSatisfy(d -> assertThat(d.from().hasConnection()).isFalse());
        assertThat(r.peer().opensReceived()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shutdownMessage")
    void administrativeShutdownMessageReachesThePeer(Kind kind, Lab lab) {
        Run r = start(lab, kind);
        r.awaitUp();

        String message = "podbgp interop: node drained for maintenance";
        r.session().stop(message);
        r.daemon().awaitNotEstablished(r.peer().pod(), ROUTE);
        r.peer().awaitShutdownMessage(message);
        SessionReport.SessionDown down = Interop.awaitDown(r.podbgp(), 0, ROUTE);
        assertThat(down.reason()).isEqualTo(DownReason.ADMIN_STOP);
        // Stopped means stopped: the daemon keeps dialling, we keep refusing.
        Interop.assertNever("the stopped session came back", Duration.ofSeconds(3),
                () -> r.podbgp().state(r.peerAddress()) != SessionState.IDLE
                        || r.daemon().state(r.peer().pod()) == dev.podbgp.lab.peer.SessionState.ESTABLISHED,
                () -> r.podbgp().describe() + r.daemon().logs());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gtsm")
    void rfc5082_gtsmOnBothSidesComesUp(Kind kind, Lab lab) {
        Run r = start(lab, kind, IPV4, kind.ebgp(), n -> n, (p, c) -> {
            p.requireGtsm();
            return c.withTtl(TtlPolicy.gtsm(1));
        });
        r.podbgp().awaitEstablished(r.peerAddress(), UP);
        r.daemon().awaitRoute(OUR_V4.prefix(), ROUTE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gtsm")
    void rfc5082_gtsmDropsAPeerWhosePacketsArriveBelowTtl255(Kind kind, Lab lab) {
        // Plain eBGP: the daemon sends with TTL 1, which our minimum TTL of 255 refuses in the kernel.
        Run r = start(lab, kind, IPV4, kind.ebgp(), n -> n, (p, c) -> c.withTtl(TtlPolicy.gtsm(1)));
        Interop.assertNever("a session reached OpenConfirm although the peer's packets arrive with TTL 1", REFUSED,
                () -> r.podbgp().state(r.peerAddress()).compareTo(SessionState.OPEN_CONFIRM) >= 0
                        || r.daemon().state(r.peer().pod()) == dev.podbgp.lab.peer.SessionState.ESTABLISHED,
                () -> r.podbgp().describe() + r.daemon().logs());
    }

    /**
     * The hitless stop before an upgrade ({@link dev.podbgp.bgp.transport.BgpSpeaker#shutdownForRestart}): with N
     * negotiated podbgp ends the session with Cease/Administrative Reset, which RFC 8538 §4 makes graceful.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("helpsOurRestart")
    void rfc8538_s4_ourStopForRestartWithNLeavesOurRoutesStaleAtThePeerUntilWeAreBack(Kind kind, Lab lab) {
        assertOurRoutesKeptAcrossOurRestart(kind, lab, true,
                r -> assertThat(r.peer().lastNotificationReceived()).as("what the daemon received").isEqualTo("6/4"));
    }

    /** Without N, podbgp closes the connection without a NOTIFICATION: a restart as RFC 4724 §4.2 knows it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("helpsOurRestart")
    void rfc4724_s4_2_ourStopForRestartWithoutNLeavesOurRoutesStaleAtThePeerUntilWeAreBack(Kind kind, Lab lab) {
        assertOurRoutesKeptAcrossOurRestart(kind, lab, false,
                r -> assertThat(r.peer().lastNotificationReceived()).as("what the daemon received").isEmpty());
    }

    /**
     * podbgp advertising graceful restart (with the N bit if {@code notification}) stops for a restart; the daemon
     * keeps our routes marked stale while we are away ({@code whileAway} checks more), and a new podbgp's routes and
     * End-of-RIB make them fresh again. They are never withdrawn in between.
     */
    private static void assertOurRoutesKeptAcrossOurRestart(Kind kind, Lab lab, boolean notification,
                                                             java.util.function.Consumer<Run> whileAway) {
        UnaryOperator<PeerConfig> gracefulRestart = c -> Interop.withGracefulRestart(c, notification);
        Run r = start(lab, kind, IPV4, kind.ebgp(), n -> n, (p, c) -> gracefulRestart.apply(c)).exchanging();
        r.peer().awaitEndOfRib();
        assertThat(r.negotiated().gracefulNotification()).as("N in both OPENs").isEqualTo(notification);

        r.podbgp().speaker().shutdownForRestart("podbgp interop: upgrade");
        r.daemon().awaitNotEstablished(r.peer().pod(), ROUTE);
        awaitOurRoutes(r, true);
        whileAway.accept(r);

        PodbgpNode back = r.pair().startPodbgp(IPV4);
        r.pair().addPeer(back, IPV4, r.ases(), gracefulRestart);
        back.awaitEstablished(r.peerAddress(), UP);
        awaitOurRoutes(r, false);
    }

    /**
     * RFC 8538 §5: with N negotiated our Administrative Shutdown goes as a Hard Reset carrying it; the daemon must
     * not keep our routes as stale, and reads the reason inside.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("helpsOurRestart")
    void rfc8538_s5_ourAdministrativeShutdownWithNIsAHardResetAndThePeerFlushesOurRoutes(Kind kind, Lab lab) {
        Run r = start(lab, kind, IPV4, kind.ebgp(), n -> n, (p, c) -> Interop.withGracefulRestart(c, true)).exchanging();
        assertThat(r.negotiated().gracefulNotification()).isTrue();

        r.session().stop("podbgp interop: decommissioned");

        // Gone at once, not kept stale for the 120 s restart time.
        r.daemon().awaitNoRoute(OUR_V4.prefix(), ROUTE);
        r.daemon().awaitNoRoute(OUR_V6.prefix(), ROUTE);
        assertThat(r.peer().lastNotificationReceived()).as("what the daemon received").isEqualTo("6/9(6/2)");
    }

    /** RFC 8538 §3 the other way: the daemon's Hard Reset, decoded, ends graceful restart for its routes here. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hardReset")
    void rfc8538_s3_theDaemonsShutdownWithNReachesUsAsAHardResetWeDecode(Kind kind, Lab lab) {
        Run r = start(lab, kind, IPV4, kind.ebgp(), n -> n, (p, c) -> Interop.withGracefulRestart(c, true)).exchanging();
        NegotiatedSession negotiated = r.negotiated();
        assertThat(negotiated.gracefulNotification()).isTrue();
        int seen = r.podbgp().downs().size();

        r.peer().shutDownWith("interop: ToR maintenance");

        SessionReport.SessionDown down = Interop.awaitDown(r.podbgp(), seen, ROUTE);
        assertThat(down.reason()).isEqualTo(DownReason.NOTIFICATION_RECEIVED);
        var hard = down.notification().orElseThrow();
        assertThat(hard.codes()).isEqualTo("6/9(6/2)");
        assertThat(hard.hardResetCause().orElseThrow().shutdownCommunication()).contains("interop: ToR maintenance");
        assertThat(down.detail()).isEqualTo("hard reset, shutdown communication \"interop: ToR maintenance\"");
        assertThat(negotiated.endsGracefully(down.notification())).as("a Hard Reset keeps nothing stale").isFalse();
    }

    /** Waits until the daemon's routes from us are all stale (or all fresh), failing at once if one is missing. */
    private static void awaitOurRoutes(Run r, boolean stale) {
        List<Prefix> ours = List.of(OUR_V4.prefix(), OUR_V6.prefix());
        long end = System.nanoTime() + ROUTE.toNanos();
        while (true) {
            List<java.util.Optional<Boolean>> seen = ours.stream().map(r.peer()::stale).toList();
            assertThat(seen).as(r.daemon().name() + "'s routes from podbgp " + ours + ", stale or not")
                    .allSatisfy(s -> assertThat(s).isPresent());
            if (seen.stream().allMatch(s -> s.get() == stale)) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(r.daemon().name() + "'s routes from podbgp " + ours + " never all "
                        + (stale ? "stale" : "fresh") + ": " + seen + "\n" + r.daemon().logs());
            }
            dev.podbgp.lab.Await.sleep(100);
        }
    }
}
