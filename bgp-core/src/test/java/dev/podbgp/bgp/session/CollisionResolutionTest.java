package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.ConnectionDirection.INBOUND;
import static dev.podbgp.bgp.session.ConnectionDirection.OUTBOUND;
import static dev.podbgp.bgp.session.SessionState.ACTIVE;
import static dev.podbgp.bgp.session.SessionState.CONNECT;
import static dev.podbgp.bgp.session.SessionState.ESTABLISHED;
import static dev.podbgp.bgp.session.SessionState.IDLE;
import static dev.podbgp.bgp.session.SessionState.OPEN_CONFIRM;
import static dev.podbgp.bgp.session.SessionState.OPEN_SENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.Ipv4Address;
import org.junit.jupiter.api.Test;

/** RFC 4271 §6.8 and RFC 6286 §2.3. */
class CollisionResolutionTest {

    private static final Ipv4Address LOW = Ipv4Address.of(10, 0, 0, 1);
    private static final Ipv4Address HIGH = Ipv4Address.of(10, 0, 0, 2);

    @Test
    void rfc4271_s6_8_lowerLocalIdentifier_closesTheConnectionWeOpened() {
        assertThat(CollisionResolution.resolve(65001, LOW, 65002, HIGH, OPEN_CONFIRM, OPEN_SENT)).contains(OUTBOUND);
        assertThat(CollisionResolution.resolve(65001, LOW, 65002, HIGH, OPEN_SENT, OPEN_CONFIRM)).contains(OUTBOUND);
    }

    @Test
    void rfc4271_s6_8_higherLocalIdentifier_closesTheConnectionThePeerOpened() {
        assertThat(CollisionResolution.resolve(65001, HIGH, 65002, LOW, OPEN_CONFIRM, OPEN_CONFIRM)).contains(INBOUND);
    }

    @Test
    void rfc4271_s6_8_identifiersCompareAsUnsignedIntegers() {
        // 200.0.0.1 is negative as a signed int; unsigned it is the larger.
        Ipv4Address above = Ipv4Address.of(200, 0, 0, 1);
        assertThat(CollisionResolution.loser(65001, above, 65002, LOW)).isEqualTo(INBOUND);
        assertThat(CollisionResolution.loser(65001, LOW, 65002, above)).isEqualTo(OUTBOUND);
    }

    @Test
    void rfc4271_s6_8_collisionWithEstablished_closesTheNewConnection() {
        // Even though our identifier is lower, the Established connection we opened stays.
        assertThat(CollisionResolution.resolve(65001, LOW, 65002, HIGH, OPEN_CONFIRM, ESTABLISHED)).contains(INBOUND);
        assertThat(CollisionResolution.resolve(65001, HIGH, 65002, LOW, ESTABLISHED, OPEN_SENT)).contains(OUTBOUND);
    }

    @Test
    void rfc4271_s6_8_noCollisionWhileTheOtherSideHasNoBgpConnection() {
        for (SessionState other : new SessionState[] {IDLE, CONNECT, ACTIVE}) {
            assertThat(CollisionResolution.resolve(65001, LOW, 65002, HIGH, OPEN_CONFIRM, other)).isEmpty();
            assertThat(CollisionResolution.resolve(65001, LOW, 65002, HIGH, other, OPEN_CONFIRM)).isEmpty();
        }
    }

    @Test
    void rfc4271_s6_8_bothInOpenSent_waitsForAnOpen() {
        assertThat(CollisionResolution.resolve(65001, LOW, 65002, HIGH, OPEN_SENT, OPEN_SENT)).isEmpty();
    }

    @Test
    void rfc6286_s2_3_equalIdentifiers_keepTheConnectionOfTheLargerAs() {
        assertThat(CollisionResolution.loser(65002, LOW, 65001, LOW)).isEqualTo(INBOUND);
        assertThat(CollisionResolution.loser(65001, LOW, 65002, LOW)).isEqualTo(OUTBOUND);
    }

    @Test
    void rfc4271_s6_8_loserSessionSendsCeaseCollisionResolution() {
        // Two sessions to one peer; we have the lower identifier, so our outbound one goes.
        SessionFixture outbound = new SessionFixture().openConfirm();
        SessionFixture inbound = new SessionFixture(SessionFixture.passiveConfig());
        inbound.handle(new SessionEvent.ManualStart());
        inbound.handle(new SessionEvent.TcpAccepted());
        ConnectionDirection loser = CollisionResolution.resolve(SessionFixture.LOCAL_AS, SessionFixture.LOCAL_ID,
                SessionFixture.PEER_AS, SessionFixture.PEER_ID, inbound.session.state(), outbound.session.state()).orElseThrow();
        assertThat(loser).isEqualTo(OUTBOUND);
        var actions = outbound.handle(new SessionEvent.CollisionDump());
        assertThat(SessionFixture.down(actions).reason()).isEqualTo(DownReason.COLLISION);
        assertThat(inbound.receive(SessionFixture.peerOpen())).isNotEmpty();
        assertThat(inbound.session.state()).isEqualTo(OPEN_CONFIRM);
    }
}
