package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.BOTH;
import static dev.podbgp.bgp.session.SessionFixture.LOCAL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.capability.FourOctetAs;
import dev.podbgp.bgp.wire.capability.Multiprotocol;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.inet.Ipv4Address;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a session refuses to be configured with, and the OPEN it sends. */
class SessionConfigTest {

    private static final SessionConfig BASE = SessionConfig.of(65001, 65002, LOCAL_ID, BOTH);

    @Test
    void rfc4271_s4_2_holdTimeOneOrTwoCannotBeConfigured() {
        assertThatThrownBy(() -> BASE.withHoldTime(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(BASE.withHoldTime(3, 1).holdTime()).isEqualTo(3);
        assertThat(BASE.withHoldTime(0, 30).holdTime()).isZero();
    }

    @Test
    void rfc6793_s4_1_largeLocalAsNeedsTheFourOctetCapability() {
        long big = 4_200_000_000L;
        assertThatThrownBy(() -> SessionConfig.of(big, 65002, LOCAL_ID, BOTH)
                .withCapabilities(List.of(new Multiprotocol(Family.IPV4_UNICAST)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        Open open = SessionConfig.of(big, 65002, LOCAL_ID, BOTH).open();
        assertThat(open.myAs()).isEqualTo(Open.AS_TRANS);
        assertThat(open.asn()).isEqualTo(big);
    }

    @Test
    void fourOctetCapabilityMustCarryTheLocalAs() {
        assertThatThrownBy(() -> BASE.withCapabilities(List.of(new FourOctetAs(65009)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rfc5492_s5_requiredCapabilityMustBeAdvertised() {
        assertThatThrownBy(() -> BASE.withCapabilities(List.of(new FourOctetAs(65001)),
                List.of(new Multiprotocol(Family.IPV6_UNICAST)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rfc6286_s2_1_zeroIdentifierOrAsZeroCannotBeConfigured() {
        assertThatThrownBy(() -> SessionConfig.of(65001, 65002, Ipv4Address.ANY, BOTH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionConfig.of(65001, 0, LOCAL_ID, BOTH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rfc4271_s4_2_ourOpenGoldenBytes() {
        SessionConfig v4Only = SessionConfig.of(65001, 65002, Ipv4Address.of(10, 0, 0, 1), Set.of(Family.IPV4_UNICAST));
        // Version 4, AS 65001, hold 90, id 10.0.0.1, one capabilities parameter: MP ipv4/unicast,
        // route refresh, enhanced route refresh, 4-octet AS 65001, Graceful Restart with restart
        // time 120 and no families (RFC 4724 §3: End-of-RIB support only).
        assertThat(Bytes.hex(MessageCodec.encode(v4Only.open(), SessionCapabilities.RFC4271))).isEqualTo(
                "FF".repeat(16) + "0033" + "01" + "04" + "FDE9" + "005A" + "0A000001" + "16" + "0214"
                        + "010400010001" + "0200" + "4600" + "41040000FDE9" + "40020078");
    }
}
