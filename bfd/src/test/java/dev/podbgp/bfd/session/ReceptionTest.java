package dev.podbgp.bfd.session;

import static dev.podbgp.bfd.session.SessionFixture.changes;
import static dev.podbgp.bfd.session.SessionFixture.discards;
import static dev.podbgp.bfd.session.SessionFixture.sentOne;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.session.SessionEvent.PacketReceived;
import dev.podbgp.bfd.session.SessionReport.StateChanged;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.bfd.wire.DiscardReason;
import dev.podbgp.inet.Ipv4Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5880 §6.8.6: session selection, the remote variables, and the state table row by row. */
class ReceptionTest {

    static SessionFixture down() {
        SessionFixture f = new SessionFixture();
        f.start();
        return f;
    }

    static SessionFixture init() {
        SessionFixture f = down();
        f.receive(PeerPacket.hello());
        assertThat(f.session.state()).isEqualTo(BfdState.INIT);
        return f;
    }

    // ---- Down

    @Test
    void rfc5880_s6_8_6_down_receivesDown_goesInit() {
        SessionFixture f = down();
        assertThat(changes(f.receive(PeerPacket.hello())))
                .containsExactly(new StateChanged(BfdState.DOWN, BfdState.INIT, Diagnostic.NO_DIAGNOSTIC, false));
    }

    @Test
    void rfc5880_s6_8_6_down_receivesInit_goesUp() {
        SessionFixture f = down();
        assertThat(changes(f.receive(PeerPacket.of(BfdState.INIT))))
                .containsExactly(new StateChanged(BfdState.DOWN, BfdState.UP, Diagnostic.NO_DIAGNOSTIC, false));
    }

    @Test
    void rfc5880_s6_8_6_down_receivesUpOrAdminDown_staysDown() {
        SessionFixture f = down();
        assertThat(changes(f.receive(PeerPacket.of(BfdState.UP)))).isEmpty();
        assertThat(changes(f.receive(PeerPacket.of(BfdState.ADMIN_DOWN)))).isEmpty();
        assertThat(f.session.state()).isEqualTo(BfdState.DOWN);
    }

    // ---- Init

    @Test
    void rfc5880_s6_8_6_init_receivesInitOrUp_goesUp() {
        SessionFixture f = init();
        assertThat(changes(f.receive(PeerPacket.of(BfdState.INIT))))
                .containsExactly(new StateChanged(BfdState.INIT, BfdState.UP, Diagnostic.NO_DIAGNOSTIC, false));
        SessionFixture g = init();
        assertThat(changes(g.receive(PeerPacket.of(BfdState.UP)))).extracting(StateChanged::to).containsExactly(BfdState.UP);
    }

    @Test
    void rfc5880_s6_8_6_init_receivesDown_staysInit() {
        SessionFixture f = init();
        assertThat(changes(f.receive(PeerPacket.of(BfdState.DOWN)))).isEmpty();
        assertThat(f.session.state()).isEqualTo(BfdState.INIT);
    }

    @Test
    void rfc5880_s6_8_6_init_receivesAdminDown_goesDownWithNeighborSignaledDown() {
        SessionFixture f = init();
        assertThat(changes(f.receive(PeerPacket.of(BfdState.ADMIN_DOWN).diag(7)))).containsExactly(
                new StateChanged(BfdState.INIT, BfdState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, false));
    }

    // ---- Up

    @Test
    void rfc5880_s6_8_6_up_remoteSignalsDown_goesDownWithDiag3() {
        SessionFixture f = new SessionFixture().upAndSettled();
        List<SessionAction> actions = f.receive(PeerPacket.of(BfdState.DOWN).diag(1));
        StateChanged change = changes(actions).getFirst();
        assertThat(change).isEqualTo(new StateChanged(BfdState.UP, BfdState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, false));
        assertThat(change.wentDown()).isTrue();
        assertThat(f.session.localDiagnostic()).isEqualTo(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
        // The next packet says so.
        var next = sentOne(f.after(SessionFixture.FAST, TimerKind.TRANSMIT));
        assertThat(next.state()).isEqualTo(BfdState.DOWN);
        assertThat(next.diagnostic()).contains(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
    }

    @Test
    void rfc5880_s6_8_6_up_receivesAdminDown_goesDownWithDiag3() {
        SessionFixture f = new SessionFixture().upAndSettled();
        assertThat(changes(f.receive(PeerPacket.of(BfdState.ADMIN_DOWN).diag(7)))).containsExactly(
                new StateChanged(BfdState.UP, BfdState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, false));
    }

    @Test
    void rfc5880_s6_8_6_up_receivesInitOrUp_staysUp() {
        SessionFixture f = new SessionFixture().upAndSettled();
        assertThat(changes(f.receive(PeerPacket.of(BfdState.INIT)))).isEmpty();
        assertThat(changes(f.receive(PeerPacket.of(BfdState.UP)))).isEmpty();
        assertThat(f.session.state()).isEqualTo(BfdState.UP);
    }

    // ---- selection and the remote variables

    @Test
    void rfc5880_s6_8_6_yourDiscriminatorOfAnotherSession_isDiscarded() {
        SessionFixture f = down();
        List<SessionAction> actions = f.receive(PeerPacket.of(BfdState.DOWN).your(0x9999));
        assertThat(discards(actions)).containsExactly(DiscardReason.UNKNOWN_DISCRIMINATOR);
        assertThat(f.session.remote()).isEqualTo(RemoteVariables.INITIAL);
    }

    @Test
    void rfc5880_s6_8_6_yourDiscriminatorZeroFromAnotherAddress_isDiscarded() {
        SessionFixture f = down();
        var stranger = Ipv4Address.of(10, 9, 9, 9);
        List<SessionAction> actions = f.handle(PacketReceived.of(PeerPacket.hello().packet(), stranger));
        assertThat(discards(actions)).containsExactly(DiscardReason.UNKNOWN_SOURCE);
        assertThat(f.session.state()).isEqualTo(BfdState.DOWN);
    }

    @Test
    void rfc5880_s6_3_onceTheDiscriminatorIsEchoed_theSourceMayChange() {
        SessionFixture f = init();
        var moved = Ipv4Address.of(10, 9, 9, 9);
        f.handle(PacketReceived.of(PeerPacket.of(BfdState.INIT).packet(), moved));
        assertThat(f.session.state()).isEqualTo(BfdState.UP);
    }

    @Test
    void rfc5880_s6_8_6_acceptedPacketSetsTheRemoteVariables() {
        SessionFixture f = down();
        f.receive(PeerPacket.hello().rxMillis(200).txMillis(300).detectMult(5).controlPlaneIndependent());
        RemoteVariables r = f.session.remote();
        assertThat(r.discriminator()).isEqualTo(SessionFixture.PEER_DISCR);
        assertThat(r.state()).isEqualTo(BfdState.DOWN);
        assertThat(r.minRxMicros()).isEqualTo(200_000);
        assertThat(r.desiredMinTxMicros()).isEqualTo(300_000);
        assertThat(r.detectMult()).isEqualTo(5);
        assertThat(r.controlPlaneIndependent()).isTrue();
        assertThat(r.demand()).isFalse();
        // Our packets now echo the peer's discriminator.
        assertThat(sentOne(f.after(SessionFixture.SLOW, TimerKind.TRANSMIT)).yourDiscriminator())
                .isEqualTo(SessionFixture.PEER_DISCR);
    }

    @Test
    void rfc5880_s6_8_1_remoteVariablesStartAtTheirRfcValues() {
        RemoteVariables r = new SessionFixture().session.remote();
        assertThat(r.discriminator()).isZero();
        assertThat(r.state()).isEqualTo(BfdState.DOWN);
        assertThat(r.demand()).isFalse();
        assertThat(r.minRxMicros()).isEqualTo(1);
        assertThat(r.heard()).isFalse();
    }

    @Test
    void rfc5880_s6_8_6_peersControlPlaneIndependentBitIsReported() {
        SessionFixture f = down();
        f.receive(PeerPacket.hello().controlPlaneIndependent());
        StateChanged up = changes(f.receive(PeerPacket.of(BfdState.INIT).controlPlaneIndependent())).getFirst();
        assertThat(up.peerControlPlaneIndependent()).isTrue();
    }
}
