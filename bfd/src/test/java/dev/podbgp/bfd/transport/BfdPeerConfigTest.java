package dev.podbgp.bfd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bfd.session.HopMode;
import dev.podbgp.inet.IpAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BfdPeerConfigTest {

    private static final IpAddress PEER = IpAddress.parse("192.0.2.1");
    private static final IpAddress LOCAL = IpAddress.parse("192.0.2.2");

    @Test
    void rfc5881_s3_singleHopIsIdentifiedByItsLocalAddress_soNeedsOne() {
        assertThatThrownBy(() -> new BfdPeerConfig(PEER, Optional.empty(), HopMode.SINGLE_HOP, Optional.empty(),
                BfdIntervals.DEFAULT, false, false, Optional.empty(), 255))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a local address");
        assertThat(BfdPeerConfig.multiHop(PEER).local()).isEmpty();
    }

    @Test
    void rfc5881_s5_singleHopAcceptsTtl255Only_multihopWhatIsConfigured() {
        assertThatThrownBy(() -> new BfdPeerConfig(PEER, Optional.of(LOCAL), HopMode.SINGLE_HOP, Optional.empty(),
                BfdIntervals.DEFAULT, false, false, Optional.empty(), 254))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 5881 §5");
        assertThat(BfdPeerConfig.singleHop(PEER, LOCAL).minimumTtl()).isEqualTo(255);
        assertThat(BfdPeerConfig.multiHop(PEER).minimumTtl()).isEqualTo(1);
        assertThat(BfdPeerConfig.multiHop(PEER).withMinimumTtl(250).minimumTtl()).isEqualTo(250);
        assertThatThrownBy(() -> BfdPeerConfig.multiHop(PEER).withMinimumTtl(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interfacesAreForSingleHop_andLinkLocalNeedsOne() {
        assertThatThrownBy(() -> BfdPeerConfig.multiHop(PEER).withInterface("eth0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not tied to an interface");
        IpAddress linkLocal = IpAddress.parse("fe80::1");
        assertThatThrownBy(() -> BfdPeerConfig.singleHop(linkLocal, IpAddress.parse("fe80::2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an interface");
        assertThat(new BfdPeerConfig(linkLocal, Optional.of(IpAddress.parse("fe80::2")), HopMode.SINGLE_HOP,
                Optional.of("eth0"), BfdIntervals.DEFAULT, false, false, Optional.empty(), 255).interfaceName()).contains("eth0");
        assertThatThrownBy(() -> BfdPeerConfig.singleHop(PEER, LOCAL).withInterface("a-name-of-16-chr"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interface name");
        assertThatThrownBy(() -> BfdPeerConfig.singleHop(PEER, LOCAL).withInterface("eth 0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothAddressesAreOfOneFamily() {
        assertThatThrownBy(() -> BfdPeerConfig.singleHop(PEER, IpAddress.parse("2001:db8::1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different families");
    }

    @Test
    void rfc5880_s4_1_intervalsFollowTheSessionsRules() {
        assertThatThrownBy(() -> BfdIntervals.of(Duration.ZERO, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BfdIntervals.of(Duration.ofMillis(50), 0)).isInstanceOf(IllegalArgumentException.class);
        BfdPeerConfig config = BfdPeerConfig.singleHop(PEER, LOCAL)
                .withIntervals(new BfdIntervals(Duration.ofMillis(50), Duration.ofMillis(70), 5)).withPassive(true);
        assertThat(config.sessionConfig(7)).satisfies(s -> {
            assertThat(s.localDiscriminator()).isEqualTo(7);
            assertThat(s.desiredMinTx()).isEqualTo(Duration.ofMillis(50));
            assertThat(s.requiredMinRx()).isEqualTo(Duration.ofMillis(70));
            assertThat(s.detectMult()).isEqualTo(5);
            assertThat(s.passive()).isTrue();
            assertThat(s.hop()).isEqualTo(HopMode.SINGLE_HOP);
        });
    }
}
