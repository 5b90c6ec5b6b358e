package dev.podbgp.bgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.SessionCapabilities;
import org.junit.jupiter.api.Test;

class NotificationTest {

    static DecodeResult<Notification> decodeBody(String hex) {
        byte[] b = Bytes.fromHex(hex);
        return Notification.decodeBody(b, 0, b.length);
    }

    @Test
    void rfc4271_s4_5_holdTimerExpiredHasNoData() {
        Notification n = Notification.of(BgpError.HOLD_TIMER_EXPIRED);
        byte[] wire = MessageCodec.encode(n, SessionCapabilities.RFC4271);
        assertThat(Bytes.hex(wire)).isEqualTo("FF".repeat(16) + "0015030400");
        assertThat(MessageCodec.decode(wire, 0, wire.length, SessionCapabilities.RFC4271).orThrow()).isEqualTo(n);
        assertThat(n.error()).contains(BgpError.HOLD_TIMER_EXPIRED);
    }

    @Test
    void rfc4271_s4_5_dataIsKeptRaw() {
        Notification n = decodeBody("0301DEADBEEF").orThrow();
        assertThat(n).isEqualTo(new Notification(3, 1, Bytes.fromHex("DEADBEEF")));
        assertThat(n.error()).contains(BgpError.MALFORMED_ATTRIBUTE_LIST);
    }

    @Test
    void unknownCodeDecodesWithoutANamedError() {
        Notification n = decodeBody("0963").orThrow();
        assertThat(n.code()).isEqualTo(9);
        assertThat(n.error()).isEmpty();
    }

    @Test
    void rfc4271_s4_5_bodyOfOneOctetIsBadLength() {
        var r = decodeBody("06");
        assertThat(((DecodeResult.Malformed<Notification>) r).problem().error()).isEqualTo(BgpError.BAD_MESSAGE_LENGTH);
        assertThat(((DecodeResult.Malformed<Notification>) r).problem().data()).containsExactly(0, 20);
    }

    @Test
    void rfc9003_s2_shutdownCommunicationGoldenBytes() {
        Notification n = Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "maintenance");
        assertThat(Bytes.hex(MessageCodec.encode(n, SessionCapabilities.RFC4271)))
                .isEqualTo("FF".repeat(16) + "0021030602" + "0B" + "6D61696E74656E616E6365");
        assertThat(decodeBody("06020B6D61696E74656E616E6365").orThrow().shutdownCommunication()).contains("maintenance");
    }

    @Test
    void rfc9003_s2_adminResetCarriesUtf8() {
        Notification n = Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_RESET, "café ☕");
        assertThat(decodeBody("0604" + Bytes.hex(n.data())).orThrow()
                .shutdownCommunication()).contains("café ☕");
    }

    @Test
    void rfc9003_s2_255OctetsAreAllowedAnd256AreNot() {
        assertThat(Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "x".repeat(255)).data()).hasSize(256);
        assertThatThrownBy(() -> Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "x".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rfc9003_s2_onlyCeaseShutdownAndResetCarryACommunication() {
        assertThatThrownBy(() -> Notification.shutdown(BgpError.CEASE_PEER_DECONFIGURED, "bye"))
                .isInstanceOf(IllegalArgumentException.class);
        Notification n = decodeBody("0603" + "03627965").orThrow();
        assertThat(n.shutdownCommunication()).isEmpty();
        assertThat(n.hasMalformedShutdownCommunication()).isFalse();
    }

    @Test
    void rfc9003_s2_zeroLengthIsAValidEmptyCommunication() {
        Notification n = decodeBody("060200").orThrow();
        assertThat(n.shutdownCommunication()).isEmpty();
        assertThat(n.hasMalformedShutdownCommunication()).isFalse();
        assertThat(Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "")).isEqualTo(n);
    }

    @Test
    void rfc9003_s2_lengthBeyondDataStillDecodesWithDataKeptRaw() {
        Notification n = decodeBody("0602056279").orThrow();
        assertThat(n.data()).containsExactly(5, 0x62, 0x79);
        assertThat(n.shutdownCommunication()).isEmpty();
        assertThat(n.hasMalformedShutdownCommunication()).isTrue();
    }

    @Test
    void rfc9003_s2_invalidUtf8StillDecodesWithDataKeptRaw() {
        Notification n = decodeBody("060402C328").orThrow();
        assertThat(n.shutdownCommunication()).isEmpty();
        assertThat(n.hasMalformedShutdownCommunication()).isTrue();
        assertThat(Bytes.hex(n.data())).isEqualTo("02C328");
    }

    @Test
    void rfc9003_s2_trailingOctetsAfterTheCommunicationAreMalformed() {
        Notification n = decodeBody("060201610000").orThrow();
        assertThat(n.shutdownCommunication()).isEmpty();
        assertThat(n.hasMalformedShutdownCommunication()).isTrue();
    }

    @Test
    void rfc8538_s3_hardResetEncapsulatesTheCeaseGoldenBytesAndRoundTrips() {
        Notification cause = Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "maintenance");
        Notification n = Notification.hardReset(cause);
        byte[] wire = MessageCodec.encode(n, SessionCapabilities.RFC4271);
        // Cease (6) / Hard Reset (9), then the encapsulated ErrCode 6, Subcode 2 and its data.
        assertThat(Bytes.hex(wire)).isEqualTo("FF".repeat(16) + "0023030609" + "0602" + "0B" + "6D61696E74656E616E6365");
        Notification back = (Notification) MessageCodec.decode(wire, 0, wire.length, SessionCapabilities.RFC4271).orThrow();
        assertThat(back).isEqualTo(n);
        assertThat(back.isHardReset()).isTrue();
        assertThat(back.error()).contains(BgpError.CEASE_HARD_RESET);
        assertThat(back.hardResetCause()).contains(cause);
        assertThat(back.hardResetCause().orElseThrow().shutdownCommunication()).contains("maintenance");
        assertThat(back.codes()).isEqualTo("6/9(6/2)");
    }

    @Test
    void rfc8538_s3_receivedHardResetOfAnyErrorYieldsIt() {
        Notification n = decodeBody("0609" + "0301" + "DEADBEEF").orThrow();
        assertThat(n.hardResetCause()).contains(new Notification(3, 1, Bytes.fromHex("DEADBEEF")));
        assertThat(decodeBody("0609" + "0604").orThrow().hardResetCause()).contains(Notification.of(BgpError.CEASE_ADMINISTRATIVE_RESET));
    }

    @Test
    void rfc8538_s3_hardResetTooShortForACauseIsStillAHardReset() {
        for (String body : new String[] {"0609", "060906"}) {
            Notification n = decodeBody(body).orThrow();
            assertThat(n.isHardReset()).isTrue();
            assertThat(n.hardResetCause()).isEmpty();
            assertThat(n.codes()).isEqualTo("6/9");
        }
    }

    @Test
    void rfc8538_s3_onlyCeaseNineIsAHardReset() {
        assertThat(decodeBody("0602").orThrow().isHardReset()).isFalse();
        assertThat(decodeBody("0609").orThrow().isHardReset()).isTrue();
        assertThat(decodeBody("0309" + "0602").orThrow().isHardReset()).isFalse();
        assertThat(decodeBody("0309" + "0602").orThrow().hardResetCause()).isEmpty();
        assertThat(Notification.of(BgpError.HOLD_TIMER_EXPIRED).codes()).isEqualTo("4/0");
    }

    @Test
    void rfc8538_s3_aHardResetIsNotEncapsulatedAgain() {
        Notification hard = Notification.hardReset(Notification.of(BgpError.CEASE_PEER_DECONFIGURED));
        assertThatThrownBy(() -> Notification.hardReset(hard)).isInstanceOf(IllegalArgumentException.class);
    }
}
