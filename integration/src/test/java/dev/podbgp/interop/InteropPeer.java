package dev.podbgp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.interop.PodbgpPair.Ases;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.Peer;
import dev.podbgp.lab.peer.SessionState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One peer daemon, started against podbgp, as {@link InteropScenariosTest} drives it: the lab
 * fixture plus what only that daemon can show (its counters, its log, its API lines). Each
 * daemon has one implementation; what it cannot do is left out of its {@link Kind#features()},
 * so the scenarios that need it never run for it.
 */
interface InteropPeer {

    /** What a scenario needs beyond the exchange, hold timer and our route refresh every peer does. */
    enum Feature {
        /** It sends ROUTE-REFRESH when told to. */
        ASKS_REFRESH,
        /** It re-sends its Adj-RIB-Out when told to, without any message from us. */
        RESENDS_TABLE,
        /** TCP MD5 (RFC 2385), and it counts the OPENs it got. */
        MD5,
        /** It shows the RFC 8203/9003 shutdown communication it received. */
        SHUTDOWN_MESSAGE,
        /** GTSM (RFC 5082). */
        GTSM,
        /**
         * As graceful restart helper (RFC 4724 §4.2, RFC 8538 §4 with N) it keeps our routes, marked stale, while
         * we restart, and shows which of them are stale.
         */
        HELPS_OUR_RESTART,
        /** With N negotiated its Administrative Shutdown goes as Cease/Hard Reset around it (RFC 8538 §3). */
        HARD_RESET
    }

    /** Starts the daemon on the pair's peer node with its neighbor (podbgp over {@code transport}). */
    @FunctionalInterface
    interface Starter {
        InteropPeer start(PodbgpPair pair, AddressFamily transport, Ases ases, UnaryOperator<Neighbor> neighbor);
    }

    /**
     * A daemon before it runs: the scenario's argument. {@code ebgp} are the AS numbers of its
     * eBGP scenarios, one side 4-octet; the iBGP scenario uses {@link Interop#AS4} on both.
     */
    record Kind(String name, String label, Ases ebgp, Set<Feature> features, Starter starter) {
        static final List<Kind> ALL = List.of(FrrInterop.NAMESPACE, FrrInterop.CONTAINER, BirdInterop.KIND, GobgpInterop.KIND,
                ExabgpInterop.KIND);

        public Kind {
            if (!ebgp.ebgp() || Math.max(ebgp.pod(), ebgp.peer()) <= 0xFFFF) {
                throw new IllegalArgumentException(name + ": eBGP needs two ASes, one of them 4-octet: " + ebgp);
            }
        }

        static Stream<Kind> with(Feature feature) {
            return ALL.stream().filter(k -> k.features().contains(feature));
        }

        InteropPeer start(PodbgpPair pair, AddressFamily transport, Ases ases, UnaryOperator<Neighbor> neighbor) {
            return starter.start(pair, transport, ases, neighbor);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    Peer daemon();

    /** podbgp's address as the daemon knows it (the session's far end). */
    IpAddress pod();

    /** The daemon shows podbgp's AS {@code podAs} for the session (from our OPEN where it keeps that). */
    void assertSawOurAs(long podAs);

    /** The LOCAL_PREF the daemon shows for a route learned over eBGP, which carries none (RFC 4271 §5.1.5). */
    default OptionalLong localPrefOfEbgpRoutes() {
        return OptionalLong.empty();
    }

    /** Waits until the daemon got our End-of-RIB (RFC 4724 §2) for both families. */
    void awaitEndOfRib();

    /** The daemon received our ROUTE-REFRESH for each of {@code asked} (RFC 2918). */
    void assertGotRefreshRequests(List<Family> asked);

    /** podbgp's session to this daemon as it must be for podbgp to ask for a refresh. */
    default PeerConfig forOurRefresh(PeerConfig config) {
        return config;
    }

    /** The daemon's own view: the session with podbgp is Established, and never reset where it counts that. */
    default void assertUnbroken() {
        assertThat(daemon().state(pod())).isEqualTo(SessionState.ESTABLISHED);
    }

    /**
     * {@link Feature#ASKS_REFRESH}: makes the daemon send ROUTE-REFRESH for both families and
     * waits until its own view shows our answer.
     */
    default void askRefreshAndAwaitAnswer() {
        throw missing(Feature.ASKS_REFRESH);
    }

    /** {@link Feature#RESENDS_TABLE}: makes the daemon send its routes again unasked. */
    default void resendTable() {
        throw missing(Feature.RESENDS_TABLE);
    }

    /** {@link Feature#MD5}: how many OPENs from podbgp the daemon received. */
    default long opensReceived() {
        throw missing(Feature.MD5);
    }

    /** {@link Feature#SHUTDOWN_MESSAGE}: waits until the daemon shows our Administrative Shutdown with {@code message}. */
    default void awaitShutdownMessage(String message) {
        throw missing(Feature.SHUTDOWN_MESSAGE);
    }

    /** {@link Feature#GTSM}: the daemon sends with TTL 255 and drops what arrives below it. */
    default void requireGtsm() {
        throw missing(Feature.GTSM);
    }

    /**
     * {@link Feature#HELPS_OUR_RESTART}: the daemon's route to {@code prefix} learnt from podbgp, as whether it is
     * marked stale; empty when it has none.
     */
    default Optional<Boolean> stale(Prefix prefix) {
        throw missing(Feature.HELPS_OUR_RESTART);
    }

    /**
     * {@link Feature#HELPS_OUR_RESTART}: the code/subcode of the last NOTIFICATION the daemon received from podbgp,
     * as {@link dev.podbgp.bgp.wire.message.Notification#codes()} writes them ("6/4", a Hard Reset "6/9(6/2)"), or
     * empty when the last session ended without one.
     */
    default String lastNotificationReceived() {
        throw missing(Feature.HELPS_OUR_RESTART);
    }

    /** {@link Feature#HARD_RESET}: the daemon shuts its session with podbgp down with {@code message}. */
    default void shutDownWith(String message) {
        throw missing(Feature.HARD_RESET);
    }

    private UnsupportedOperationException missing(Feature f) {
        return new UnsupportedOperationException(daemon().name() + " does not declare " + f);
    }
}
