package dev.podbgp.bfd.wire;

import static dev.podbgp.bfd.wire.ControlPacketCodecTest.DOWN_HELLO;
import static dev.podbgp.bfd.wire.ControlPacketCodecTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 5880 §6.8.6: each check that needs only the bytes discards, with its own reason. */
class ReceptionChecksTest {

    /** Up, Your Discriminator 2. */
    static final String UP = "20c00318" + "00000001" + "00000002" + "000f4240" + "000f4240" + "00000000";

    @Test
    void rfc5880_s6_8_6_versionOtherThanOne_isDiscarded() {
        // Vers 0 (BFD's pre-standard version) and 2.
        assertThat(reason("00" + DOWN_HELLO.substring(2))).isEqualTo(DiscardReason.BAD_VERSION);
        assertThat(reason("40" + DOWN_HELLO.substring(2))).isEqualTo(DiscardReason.BAD_VERSION);
    }

    @Test
    void rfc5880_s6_8_6_lengthBelow24_isDiscarded() {
        assertThat(reason("20400317" + DOWN_HELLO.substring(8))).isEqualTo(DiscardReason.LENGTH_BELOW_MINIMUM);
    }

    @Test
    void rfc5880_s6_8_6_lengthBelow26WithAuthBit_isDiscarded() {
        // A bit (0x04) set, Length 25, one byte of auth section.
        assertThat(reason("20440319" + DOWN_HELLO.substring(8) + "04")).isEqualTo(DiscardReason.LENGTH_BELOW_MINIMUM);
    }

    @Test
    void rfc5880_s6_8_6_lengthBeyondPayload_isDiscarded() {
        assertThat(reason("2040031c" + DOWN_HELLO.substring(8))).isEqualTo(DiscardReason.LENGTH_EXCEEDS_PAYLOAD);
        // A payload shorter than the packet it announces.
        assertThat(reason(DOWN_HELLO.substring(0, 40))).isEqualTo(DiscardReason.LENGTH_EXCEEDS_PAYLOAD);
    }

    @Test
    void rfc5880_s6_8_6_payloadTooShortToCheck_isDiscarded() {
        assertThat(reason("204003")).isEqualTo(DiscardReason.TRUNCATED);
        assertThat(reason("")).isEqualTo(DiscardReason.TRUNCATED);
    }

    @Test
    void rfc5880_s6_8_6_detectMultZero_isDiscarded() {
        assertThat(reason("20400018" + DOWN_HELLO.substring(8))).isEqualTo(DiscardReason.ZERO_DETECT_MULT);
    }

    @Test
    void rfc5880_s6_8_6_multipointBit_isDiscarded() {
        assertThat(reason("20410318" + DOWN_HELLO.substring(8))).isEqualTo(DiscardReason.MULTIPOINT);
    }

    @Test
    void rfc5880_s6_8_6_myDiscriminatorZero_isDiscarded() {
        assertThat(reason("20400318" + "00000000" + DOWN_HELLO.substring(16))).isEqualTo(DiscardReason.ZERO_MY_DISCRIMINATOR);
    }

    @Test
    void rfc5880_s6_8_6_yourDiscriminatorZeroInInitOrUp_isDiscarded() {
        String init = "20800318" + "00000001" + "00000000" + "000f4240" + "000f4240" + "00000000";
        String up = "20c00318" + "00000001" + "00000000" + "000f4240" + "000f4240" + "00000000";
        assertThat(reason(init)).isEqualTo(DiscardReason.ZERO_YOUR_DISCRIMINATOR);
        assertThat(reason(up)).isEqualTo(DiscardReason.ZERO_YOUR_DISCRIMINATOR);
    }

    @Test
    void rfc5880_s6_8_6_yourDiscriminatorZeroInDownOrAdminDown_isAccepted() {
        String adminDown = "27000318" + "00000001" + "00000000" + "000f4240" + "000f4240" + "00000000";
        assertThat(ControlPacketCodec.decode(bytes(DOWN_HELLO))).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(ControlPacketCodec.decode(bytes(adminDown))).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(ControlPacketCodec.decode(bytes(UP))).isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void rfc5880_s6_8_6_checksRunInTheRfcOrder() {
        // Version 2 and Detect Mult 0 and M set: the version check comes first.
        assertThat(reason("40410018" + DOWN_HELLO.substring(8))).isEqualTo(DiscardReason.BAD_VERSION);
        // Detect Mult 0 and My Discriminator 0: Detect Mult first.
        assertThat(reason("20400018" + "00000000" + DOWN_HELLO.substring(16))).isEqualTo(DiscardReason.ZERO_DETECT_MULT);
    }

    @Test
    void discardSaysWhatWasWrong() {
        Discarded d = (Discarded) ControlPacketCodec.decode(bytes("2040031c" + DOWN_HELLO.substring(8)));
        assertThat(d.detail()).isEqualTo("Length 28 in a payload of 24");
        assertThat(d.toString()).isEqualTo("LENGTH_EXCEEDS_PAYLOAD (RFC 5880 §6.8.6): Length 28 in a payload of 24");
    }

    static DiscardReason reason(String hex) {
        DecodeResult r = ControlPacketCodec.decode(bytes(hex));
        assertThat(r).isInstanceOf(Discarded.class);
        return ((Discarded) r).reason();
    }
}
