package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.down;
import static dev.podbgp.bgp.session.SessionFixture.sentNotification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.session.SessionEvent.AdminReset;
import dev.podbgp.bgp.session.SessionEvent.ManualStop;
import dev.podbgp.bgp.session.SessionOrder.StartTimer;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Notification;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** NOTIFICATION Cease with RFC 8203 / RFC 9003 shutdown communications, both directions. */
class ShutdownCommunicationTest {

    @Test
    void rfc9003_s2_manualStop_sendsAdministrativeShutdownWithTheCommunication() {
        SessionFixture f = new SessionFixture().established();
        var actions = f.handle(ManualStop.of("maintenance"));
        Notification n = sentNotification(actions);
        // Cease (6), Administrative Shutdown (2), length 11, "maintenance".
        assertThat(Bytes.hex(MessageCodec.encode(n, SessionCapabilities.FOUR_OCTET_AS)))
                .isEqualTo("FF".repeat(16) + "0021" + "03" + "0602" + "0B" + "6D61696E74656E616E6365");
        assertThat(down(actions).reason()).isEqualTo(DownReason.ADMIN_STOP);
        assertThat(down(actions).wasEstablished()).isTrue();
        // An operator stop is final: no automatic restart.
        assertThat(actions).noneMatch(a -> a instanceof StartTimer);
    }

    @Test
    void rfc4486_s4_manualStopWithoutCommunication_sendsBareCease() {
        SessionFixture f = new SessionFixture().established();
        Notification n = sentNotification(f.handle(ManualStop.silent()));
        assertThat(n.code()).isEqualTo(6);
        assertThat(n.subcode()).isEqualTo(2);
        assertThat(n.data()).isEmpty();
    }

    @Test
    void rfc4486_s4_teardown_sendsTheGivenCeaseOnlyAndStaysDown() {
        SessionFixture f = new SessionFixture().established();
        Notification maxPrefix = Notification.of(dev.podbgp.bgp.wire.BgpError.CEASE_MAXIMUM_PREFIXES_REACHED,
                Bytes.fromHex("00010100000064"));
        var actions = f.handle(new SessionEvent.Teardown(maxPrefix));
        assertThat(SessionFixture.sent(actions)).containsExactly(maxPrefix);
        assertThat(down(actions).reason()).isEqualTo(DownReason.ADMIN_STOP);
        assertThat(actions).noneMatch(a -> a instanceof StartTimer);
        // Nothing more to send once down: a second teardown in Idle is quiet.
        assertThat(SessionFixture.sent(f.handle(new SessionEvent.Teardown(maxPrefix)))).isEmpty();
    }

    @Test
    void rfc9003_s2_adminReset_sendsAdministrativeResetAndComesBack() {
        SessionFixture f = new SessionFixture().established();
        var actions = f.handle(AdminReset.of("clear bgp"));
        Notification n = sentNotification(actions);
        assertThat(n.subcode()).isEqualTo(4);
        assertThat(n.shutdownCommunication()).contains("clear bgp");
        assertThat(down(actions).reason()).isEqualTo(DownReason.ADMIN_RESET);
        assertThat(actions).anyMatch(a -> a instanceof StartTimer s && s.timer() == TimerKind.IDLE_HOLD);
    }

    @Test
    void rfc9003_s2_communicationOverTheLimit_isRefusedWhenTheOperatorGivesIt() {
        String tooLong = "é".repeat(128);
        assertThatThrownBy(() -> ManualStop.of(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 octets");
        assertThat(ManualStop.of("é".repeat(127) + "x").communication()).isPresent();
        assertThatThrownBy(() -> new AdminReset(Optional.of(tooLong))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rfc9003_s2_receivedCommunicationIsReportedWithTheNotification() {
        SessionFixture f = new SessionFixture().established();
        Notification n = Notification.shutdown(dev.podbgp.bgp.wire.BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "upgrade to 9.1");
        var actions = f.receive(n);
        var down = down(actions);
        assertThat(down.reason()).isEqualTo(DownReason.NOTIFICATION_RECEIVED);
        assertThat(down.notification()).contains(n);
        assertThat(down.detail()).contains("upgrade to 9.1");
        assertThat(SessionFixture.sent(actions)).isEmpty();
    }

    @Test
    void rfc9003_s2_malformedReceivedCommunicationIsNamedNotShown() {
        SessionFixture f = new SessionFixture().established();
        // Length octet 5 but 2 octets follow.
        var down = down(f.receive(new Notification(6, 2, Bytes.fromHex("05414243"))));
        assertThat(down.detail()).isEqualTo("malformed shutdown communication");
    }
}
