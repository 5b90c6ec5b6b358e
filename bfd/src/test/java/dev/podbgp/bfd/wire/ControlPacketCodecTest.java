package dev.podbgp.bfd.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Golden bytes for RFC 5880 §4.1, built by hand from the field layout. */
class ControlPacketCodecTest {

    /**
     * Vers 1, Diag 0 = 0x20; Sta Down (1), no flags = 0x40; Detect Mult 3; Length 24;
     * My Discriminator 1; Your Discriminator 0; Desired Min TX 1 s (0x000F4240 µs);
     * Required Min RX 300 ms (0x000493E0 µs); Required Min Echo RX 0.
     */
    static final String DOWN_HELLO = "20400318" + "00000001" + "00000000" + "000f4240" + "000493e0" + "00000000";

    static ControlPacket downHello() {
        return new ControlPacket(0, BfdState.DOWN, false, false, false, false, 3, 1, 0,
                1_000_000, 300_000, 0, Optional.empty());
    }

    @Test
    void rfc5880_s4_1_downWithYourDiscriminatorZero_encodesFieldByField() {
        assertThat(hex(ControlPacketCodec.encode(downHello()))).isEqualTo(DOWN_HELLO);
    }

    @Test
    void rfc5880_s4_1_downWithYourDiscriminatorZero_decodesFieldByField() {
        DecodeResult.Decoded d = (DecodeResult.Decoded) ControlPacketCodec.decode(bytes(DOWN_HELLO));
        assertThat(d.packet()).isEqualTo(downHello());
        assertThat(d.packet().diagnostic()).contains(Diagnostic.NO_DIAGNOSTIC);
        assertThat(d.wire().toHex()).isEqualTo(DOWN_HELLO);
    }

    @Test
    void rfc5880_s4_1_upWithPollAndControlPlaneIndependent() {
        // Sta Up (3) << 6 | P 0x20 | C 0x08 = 0xE8; Detect Mult 5; TX and RX 50 ms = 0x0000C350 µs.
        String hex = "20e80518" + "deadbeef" + "01020304" + "0000c350" + "0000c350" + "00000000";
        ControlPacket up = new ControlPacket(0, BfdState.UP, true, false, true, false, 5, 0xdeadbeef, 0x01020304,
                50_000, 50_000, 0, Optional.empty());
        assertThat(hex(ControlPacketCodec.encode(up))).isEqualTo(hex);
        assertThat(ControlPacketCodec.decode(bytes(hex)).orThrow()).isEqualTo(up);
    }

    @Test
    void rfc5880_s4_1_finalAndDemandBitsAndDiagnostic() {
        // Vers 1 | Diag 3 = 0x23; Sta Init (2) << 6 | F 0x10 | D 0x02 = 0x92.
        String hex = "23920118" + "0000000a" + "0000000b" + "00000001" + "00000002" + "00000003";
        ControlPacket p = ControlPacketCodec.decode(bytes(hex)).orThrow();
        assertThat(p.state()).isEqualTo(BfdState.INIT);
        assertThat(p.fin()).isTrue();
        assertThat(p.demand()).isTrue();
        assertThat(p.poll()).isFalse();
        assertThat(p.controlPlaneIndependent()).isFalse();
        assertThat(p.diagnostic()).contains(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
        assertThat(p.detectMult()).isEqualTo(1);
        assertThat(p.requiredMinEchoRxMicros()).isEqualTo(3);
        assertThat(hex(ControlPacketCodec.encode(p))).isEqualTo(hex);
    }

    @Test
    void rfc5880_s4_1_adminDownWithDiagAdministrativelyDown() {
        // Vers 1 | Diag 7 = 0x27; Sta AdminDown (0) = 0x00.
        String hex = "27000318" + "00000001" + "00000002" + "000f4240" + "000f4240" + "00000000";
        ControlPacket p = ControlPacketCodec.decode(bytes(hex)).orThrow();
        assertThat(p.state()).isEqualTo(BfdState.ADMIN_DOWN);
        assertThat(p.diagnostic()).contains(Diagnostic.ADMINISTRATIVELY_DOWN);
    }

    @Test
    void rfc5880_s4_1_unassignedDiagIsKeptNotRefused() {
        // Diag 9 is not in RFC 5880's table (a later RFC assigns it); the packet still counts.
        String hex = "29400318" + "00000001" + "00000000" + "000f4240" + "000f4240" + "00000000";
        ControlPacket p = ControlPacketCodec.decode(bytes(hex)).orThrow();
        assertThat(p.diag()).isEqualTo(9);
        assertThat(p.diagnostic()).isEmpty();
        assertThat(Diagnostic.describe(p.diag())).isEqualTo("code 9");
        assertThat(hex(ControlPacketCodec.encode(p))).isEqualTo(hex);
    }

    @Test
    void rfc5880_s4_1_intervalsAreUnsigned32Bit() {
        String hex = "20400318" + "ffffffff" + "00000000" + "ffffffff" + "80000000" + "00000000";
        ControlPacket p = ControlPacketCodec.decode(bytes(hex)).orThrow();
        assertThat(p.myDiscriminator()).isEqualTo(0xffffffff);
        assertThat(p.desiredMinTxMicros()).isEqualTo(4_294_967_295L);
        assertThat(p.requiredMinRxMicros()).isEqualTo(2_147_483_648L);
        assertThat(p.toString()).contains("my=4294967295");
    }

    @Test
    void rfc5880_s6_8_6_bytesAfterLengthAreIgnored() {
        DecodeResult.Decoded d = (DecodeResult.Decoded) ControlPacketCodec.decode(bytes(DOWN_HELLO + "0000"));
        assertThat(d.packet()).isEqualTo(downHello());
        assertThat(d.wire().length()).isEqualTo(24);
    }

    @Test
    void decodeAtAnOffsetReadsOnlyThatPacket() {
        byte[] framed = bytes("ffff" + DOWN_HELLO);
        assertThat(ControlPacketCodec.decode(framed, 2, 24).orThrow()).isEqualTo(downHello());
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
