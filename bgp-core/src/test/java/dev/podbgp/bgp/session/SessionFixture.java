package dev.podbgp.bgp.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionEvent.ManualStart;
import dev.podbgp.bgp.session.SessionEvent.MessageReceived;
import dev.podbgp.bgp.session.SessionEvent.TcpConnected;
import dev.podbgp.bgp.session.SessionEvent.TimerExpired;
import dev.podbgp.bgp.session.SessionReport.SessionDown;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.Keepalive;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.inet.Ipv4Address;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** One session under test with a fake clock and the lowest jitter (factor 0.75 exactly). */
final class SessionFixture {

    static final long LOCAL_AS = 65001;
    static final long PEER_AS = 65002;
    static final Ipv4Address LOCAL_ID = Ipv4Address.of(10, 0, 0, 1);
    static final Ipv4Address PEER_ID = Ipv4Address.of(10, 0, 0, 2);
    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    /** nextDouble() is 0: every jittered wait is exactly 3/4 of its nominal value. */
    static final RandomGenerator LOW_JITTER = () -> 0L;

    final FakeClock clock = new FakeClock();
    final SessionConfig config;
    final BgpSession session;

    SessionFixture() {
        this(SessionConfig.of(LOCAL_AS, PEER_AS, LOCAL_ID, BOTH));
    }

    SessionFixture(SessionConfig config) {
        this.config = config;
        this.session = new BgpSession(config, clock, LOW_JITTER);
    }

    static SessionConfig passiveConfig() {
        return SessionConfig.of(LOCAL_AS, PEER_AS, LOCAL_ID, BOTH).withPassive(true);
    }

    static Open peerOpen() {
        return peerOpen(90, SessionConfig.standardCapabilities(PEER_AS, BOTH));
    }

    static Open peerOpen(int holdTime, List<Capability> capabilities) {
        return Open.of(PEER_AS, holdTime, PEER_ID, capabilities);
    }

    List<SessionAction> handle(SessionEvent event) {
        return session.handle(event);
    }

    List<SessionAction> receive(BgpMessage message) {
        return session.handle(MessageReceived.of(message));
    }

    List<SessionAction> fire(TimerKind timer) {
        return session.handle(new TimerExpired(timer));
    }

    SessionFixture openSent() {
        handle(new ManualStart());
        handle(new TcpConnected());
        assertThat(session.state()).isEqualTo(SessionState.OPEN_SENT);
        return this;
    }

    SessionFixture openConfirm() {
        return openConfirm(peerOpen());
    }

    SessionFixture openConfirm(Open peer) {
        openSent();
        receive(peer);
        assertThat(session.state()).isEqualTo(SessionState.OPEN_CONFIRM);
        return this;
    }

    SessionFixture established() {
        return established(peerOpen());
    }

    SessionFixture established(Open peer) {
        openConfirm(peer);
        receive(Keepalive.INSTANCE);
        assertThat(session.state()).isEqualTo(SessionState.ESTABLISHED);
        return this;
    }

    // ---- reading action lists

    static List<BgpMessage> sent(List<SessionAction> actions) {
        return actions.stream().filter(SessionOrder.Send.class::isInstance).map(a -> ((SessionOrder.Send) a).message()).toList();
    }

    static Notification sentNotification(List<SessionAction> actions) {
        List<BgpMessage> sent = sent(actions);
        assertThat(sent).hasSize(1).first().isInstanceOf(Notification.class);
        return (Notification) sent.getFirst();
    }

    static SessionDown down(List<SessionAction> actions) {
        List<SessionDown> downs = actions.stream().filter(SessionDown.class::isInstance).map(SessionDown.class::cast).toList();
        assertThat(downs).hasSize(1);
        return downs.getFirst();
    }

    /** The orders to the socket and the timers: no reports, and no codec switch (tests check OpenAccepted by itself). */
    static List<SessionAction> orders(List<SessionAction> actions) {
        return actions.stream().filter(a -> a instanceof SessionOrder && !(a instanceof SessionOrder.OpenAccepted)).toList();
    }

    static <T extends SessionAction> List<T> only(List<SessionAction> actions, Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
