package dev.podbgp.bfd.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bfd.session.SessionEvent.ParametersChanged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionConfigTest {

    @Test
    void defaultsAre300MillisecondsTimesThree() {
        SessionConfig c = SessionConfig.of(7, SessionFixture.PEER, HopMode.SINGLE_HOP);
        assertThat(c.desiredMinTx()).isEqualTo(Duration.ofMillis(300));
        assertThat(c.requiredMinRx()).isEqualTo(Duration.ofMillis(300));
        assertThat(c.detectMult()).isEqualTo(3);
        assertThat(c.passive()).isFalse();
        assertThat(c.controlPlaneIndependent()).isFalse();
        assertThat(c.auth()).isEmpty();
    }

    @Test
    void rfc5880_s6_8_1_localDiscriminatorMustNotBeZero() {
        assertThatThrownBy(() -> SessionConfig.of(0, SessionFixture.PEER, HopMode.SINGLE_HOP))
                .hasMessageContaining("must not be zero");
    }

    @Test
    void rfc5880_s4_1_intervalsAreOneMicrosecondTo32BitsOfThem() {
        SessionConfig c = SessionFixture.config();
        assertThatThrownBy(() -> c.withTimers(Duration.ZERO, Duration.ofMillis(1), 3)).hasMessageContaining("TX");
        assertThatThrownBy(() -> c.withTimers(Duration.ofMillis(1), Duration.ofNanos(999), 3)).hasMessageContaining("RX");
        assertThatThrownBy(() -> c.withTimers(Duration.ofMillis(1), Duration.ofHours(2), 3)).hasMessageContaining("RX");
        assertThatThrownBy(() -> c.withTimers(Duration.ofMillis(1), Duration.ofMillis(1), 0)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new ParametersChanged(Duration.ofMillis(1), Duration.ofMillis(1), 256))
                .hasMessageContaining("multiplier");
    }

    @Test
    void intervalsAreKeptInWholeMicrosecondsAsOnTheWire() {
        SessionConfig c = SessionFixture.config().withTimers(Duration.ofNanos(50_000_999), Duration.ofMillis(1), 3);
        assertThat(c.desiredMinTx()).isEqualTo(Duration.ofNanos(50_000_000));
    }

    @Test
    void rfc5881_rfc5883_portsAndTtl() {
        assertThat(HopMode.SINGLE_HOP.port()).isEqualTo(3784);
        assertThat(HopMode.MULTI_HOP.port()).isEqualTo(4784);
        assertThat(HopMode.SINGLE_HOP.minimumReceiveTtl()).isEqualTo(255);
        assertThat(HopMode.MULTI_HOP.minimumReceiveTtl()).isEqualTo(1);
        assertThat(HopMode.TRANSMIT_TTL).isEqualTo(255);
        assertThat(HopMode.SOURCE_PORT_MIN).isEqualTo(49152);
    }
}
