package dev.podbgp.bfd.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bfd.wire.AuthType;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.ControlPacketCodec;
import dev.podbgp.bfd.wire.Octets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RFC 5880 §4.4 and §6.7.4. The expected hashes were computed outside Java ({@code sha1sum} over
 * the hex below, with the key "secret" zero-padded in the Auth Key/Hash field).
 */
class KeyedSha1Test {

    /** Down, Detect Mult 3, My Discriminator 1, Your 0, TX and RX 1 s; A bit set, Length 52. */
    static final String HEADER = "20440334" + "00000001" + "00000000" + "000f4240" + "000f4240" + "00000000";
    /** Auth Type 4, Auth Len 28, Key ID 1, Reserved 0, Sequence 1. */
    static final String SECTION = "041c0100" + "00000001";
    static final String HASH = "7d71dd1becefb7055397a125ac5c765cd732e3e3";
    static final AuthKey SECRET = AuthKey.ofAscii(1, "secret");

    static ControlPacket down() {
        return new ControlPacket(0, BfdState.DOWN, false, false, false, false, 3, 1, 0, 1_000_000, 1_000_000, 0,
                Optional.empty());
    }

    @Test
    void rfc5880_s6_7_4_hashIsSha1OverThePacketWithTheKeyPaddedInTheHashField() {
        ControlPacket signed = KeyedSha1.sign(down(), AuthType.KEYED_SHA1, SECRET, 1);
        assertThat(hex(ControlPacketCodec.encode(signed))).isEqualTo(HEADER + SECTION + HASH);
    }

    @Test
    void rfc5880_s6_7_4_theKeyIsNotCarriedInThePacket() {
        byte[] wire = ControlPacketCodec.encode(KeyedSha1.sign(down(), AuthType.KEYED_SHA1, SECRET, 1));
        assertThat(hex(wire)).doesNotContain("736563726574");
    }

    @Test
    void rfc5880_s6_7_4_goodHashVerifies() {
        assertThat(KeyedSha1.verify(Octets.ofHex(HEADER + SECTION + HASH), SECRET)).isTrue();
    }

    @Test
    void rfc5880_s6_7_4_anyChangedByteFailsTheHash() {
        byte[] good = HexFormat.of().parseHex(HEADER + SECTION + HASH);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            assertThat(KeyedSha1.verify(Octets.of(bad), SECRET)).as("byte %d flipped", i).isFalse();
        }
    }

    @Test
    void rfc5880_s6_7_4_otherKeyFailsTheHash() {
        assertThat(KeyedSha1.verify(Octets.ofHex(HEADER + SECTION + HASH), AuthKey.ofAscii(1, "secreT"))).isFalse();
        // A key that is the same bytes plus a trailing zero pads to the same field: the RFC's padding rule.
        assertThat(KeyedSha1.verify(Octets.ofHex(HEADER + SECTION + HASH), AuthKey.ofHex(1, "73656372657400"))).isTrue();
    }

    @Test
    void rfc5880_s4_4_nonZeroReservedByteCoveredByTheSendersHashStillVerifies() {
        String section = "041c01ab" + "00000001";
        assertThat(KeyedSha1.verify(Octets.ofHex(HEADER + section + "f58592d7fb0084fa5c6fc9e10dde1d15f36051ac"), SECRET)).isTrue();
    }

    @Test
    void tooShortForAHashFieldNeverVerifies() {
        assertThat(KeyedSha1.verify(Octets.ofHex(HEADER), SECRET)).isFalse();
    }

    @Test
    void rfc5880_s6_7_4_keysHaveOneTo20BytesAndManagementTakesAsciiAndHex() {
        assertThat(AuthKey.ofAscii(2, "k").secret().length()).isEqualTo(1);
        assertThat(AuthKey.ofHex(2, "00ff").secret()).isEqualTo(Octets.ofHex("00ff"));
        assertThatThrownBy(() -> AuthKey.ofAscii(2, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthKey.ofAscii(2, "x".repeat(21))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthKey.ofAscii(2, "caf\u00e9")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SECRET.toString()).doesNotContain("secret");
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
