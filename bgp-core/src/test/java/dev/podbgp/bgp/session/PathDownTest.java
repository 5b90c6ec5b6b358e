package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.down;
import static dev.podbgp.bgp.session.SessionFixture.sent;
import static dev.podbgp.bgp.session.SessionFixture.sentNotification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionEvent.PathDown;
import dev.podbgp.bgp.session.SessionOrder.CloseConnection;
import dev.podbgp.bgp.session.SessionOrder.StartTimer;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.MessageCodec;
import org.junit.jupiter.api.Test;

/**
 * The path to the peer failed, found before the hold timer would: fast external fallover (the interface to a
 * directly connected peer went down) and BFD Down (RFC 5882 §4.3, RFC 9384).
 */
class PathDownTest {

    @Test
    void linkDown_endsAnEstablishedSessionAtOnce_sendingNothing_andRestartsByItself() {
        SessionFixture f = new SessionFixture().established();
        var actions = f.handle(new PathDown(false, "interface eth0 down"));

        assertThat(sent(actions)).isEmpty();
        assertThat(actions).contains(new CloseConnection());
        assertThat(down(actions).reason()).isEqualTo(DownReason.PATH_DOWN);
        assertThat(down(actions).detail()).isEqualTo("interface eth0 down");
        assertThat(actions).anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(StartTimer.class,
                t -> assertThat(t.timer()).isEqualTo(TimerKind.IDLE_HOLD)));
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
        assertThat(f.session.acceptsConnections()).as("the peer's connection is still taken").isTrue();
    }

    @Test
    void rfc9384_bfdDown_sendsCeaseBfdDown() {
        SessionFixture f = new SessionFixture().established();
        var actions = f.handle(new PathDown(true, "BFD down: control detection time expired"));

        // Cease (6), subcode 10 BFD Down, no data.
        assertThat(Bytes.hex(MessageCodec.encode(sentNotification(actions), SessionCapabilities.FOUR_OCTET_AS)))
                .isEqualTo("FF".repeat(16) + "0015" + "03" + "060A");
        assertThat(down(actions).reason()).isEqualTo(DownReason.PATH_DOWN);
        assertThat(sentNotification(actions).error()).contains(BgpError.CEASE_BFD_DOWN);
    }

    @Test
    void beforeAConnectionExists_theAttemptIsDropped_withoutANotification() {
        SessionFixture f = new SessionFixture();
        f.handle(new SessionEvent.ManualStart());
        assertThat(f.session.state()).isEqualTo(SessionState.CONNECT);
        var actions = f.handle(new PathDown(true, "BFD down"));
        assertThat(sent(actions)).isEmpty();
        assertThat(down(actions).reason()).isEqualTo(DownReason.PATH_DOWN);
    }

    @Test
    void inIdle_isIgnored() {
        SessionFixture f = new SessionFixture();
        assertThat(f.handle(new PathDown(false, "interface eth0 down"))).isEmpty();
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }
}
