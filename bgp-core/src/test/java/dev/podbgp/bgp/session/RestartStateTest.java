package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.only;
import static dev.podbgp.bgp.session.SessionFixture.peerOpen;
import static dev.podbgp.bgp.session.SessionFixture.sent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionEvent.ManualStart;
import dev.podbgp.bgp.session.SessionEvent.TcpConnected;
import dev.podbgp.bgp.session.SessionEvent.TcpConnectionFails;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.bgp.wire.message.Open;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4724 §4.1: the R bit in the OPENs of a speaker that restarted, until it has converged. */
class RestartStateTest {

    @Test
    void rfc4724_s4_1_opensSentWhileRestartingCarryTheRestartStateBit_andTheNegotiationUsesThatOpen() {
        SessionFixture f = new SessionFixture();
        f.session.restarting(true);
        f.handle(new ManualStart());
        Open open = sentOpen(f.handle(new TcpConnected()));
        assertThat(gracefulRestart(open).restartState()).isTrue();
        assertThat(open.withRestartState(false)).isEqualTo(f.config.open());

        var accepted = only(f.receive(peerOpen()), SessionOrder.OpenAccepted.class);
        assertThat(gracefulRestart(accepted.getFirst().negotiated().localOpen()).restartState()).isTrue();
    }

    @Test
    void rfc4724_s4_1_onceConvergedTheNextConnectionsOpenHasNoRestartStateBit() {
        SessionFixture f = new SessionFixture();
        f.session.restarting(true);
        f.handle(new ManualStart());
        assertThat(gracefulRestart(sentOpen(f.handle(new TcpConnected()))).restartState()).isTrue();
        f.handle(new TcpConnectionFails());

        f.session.restarting(false);
        f.handle(new ManualStart());
        f.fire(TimerKind.IDLE_HOLD);
        Open again = sentOpen(f.handle(new TcpConnected()));
        assertThat(again).isEqualTo(f.config.open());
        assertThat(gracefulRestart(again).restartState()).isFalse();
    }

    private static Open sentOpen(List<SessionAction> actions) {
        return (Open) sent(actions).getFirst();
    }

    private static GracefulRestart gracefulRestart(Open open) {
        return open.capabilities(GracefulRestart.class).getFirst();
    }
}
