package dev.podbgp.bfd.wire;

import static dev.podbgp.bfd.wire.ControlPacketCodecTest.bytes;
import static dev.podbgp.bfd.wire.ControlPacketCodecTest.hex;
import static dev.podbgp.bfd.wire.ReceptionChecksTest.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 5880 §4.2–§4.4 layouts and the Auth Len rules of §6.7.2–§6.7.4. */
class AuthSectionCodecTest {

    /** The mandatory section after byte 3: Detect Mult 3 ... as in the Down hello. */
    static final String BODY = "00000001" + "00000000" + "000f4240" + "000f4240" + "00000000";
    static final String HASH = "11".repeat(20);

    @Test
    void rfc5880_s4_4_keyedSha1Section() {
        // A bit: Sta Down 0x40 | A 0x04 = 0x44; Length 24 + 28 = 52 = 0x34.
        // Auth Type 4, Auth Len 28 = 0x1c, Key ID 7, Reserved 0, Sequence 42, then the 20-byte hash.
        String hex = "20440334" + BODY + "041c0700" + "0000002a" + HASH;
        ControlPacket p = ControlPacketCodec.decode(bytes(hex)).orThrow();
        assertThat(p.authenticated()).isTrue();
        assertThat(p.auth()).contains(new AuthSection.Digest(AuthType.KEYED_SHA1, 7, 42, Octets.ofHex(HASH)));
        assertThat(p.length()).isEqualTo(52);
        assertThat(hex(ControlPacketCodec.encode(p))).isEqualTo(hex);
    }

    @Test
    void rfc5880_s4_4_meticulousKeyedSha1SectionWithHighSequence() {
        String hex = "20440334" + BODY + "051cff00" + "fffffffe" + HASH;
        AuthSection.Digest d = (AuthSection.Digest) ControlPacketCodec.decode(bytes(hex)).orThrow().auth().orElseThrow();
        assertThat(d.type()).isEqualTo(AuthType.METICULOUS_KEYED_SHA1);
        assertThat(d.keyId()).isEqualTo(255);
        assertThat(Integer.toUnsignedLong(d.sequence())).isEqualTo(0xfffffffeL);
    }

    @Test
    void rfc5880_s4_4_reservedByteIsIgnoredOnReceipt() {
        String hex = "20440334" + BODY + "041c07ab" + "0000002a" + HASH;
        assertThat(ControlPacketCodec.decode(bytes(hex))).isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void rfc5880_s4_3_keyedMd5Section() {
        // Length 24 + 24 = 48 = 0x30; Auth Type 2, Auth Len 24 = 0x18, 16-byte digest.
        String hex = "20440330" + BODY + "02180100" + "00000005" + "22".repeat(16);
        AuthSection section = ControlPacketCodec.decode(bytes(hex)).orThrow().auth().orElseThrow();
        assertThat(section).isEqualTo(new AuthSection.Digest(AuthType.KEYED_MD5, 1, 5, Octets.ofHex("22".repeat(16))));
    }

    @Test
    void rfc5880_s4_2_simplePasswordSection() {
        // Auth Type 1, Auth Len 3 + 6 = 9, Key ID 2, "secret"; Length 24 + 9 = 33 = 0x21.
        String secret = hex("secret".getBytes(StandardCharsets.US_ASCII));
        String hex = "20440321" + BODY + "010902" + secret;
        AuthSection.Password p = (AuthSection.Password) ControlPacketCodec.decode(bytes(hex)).orThrow().auth().orElseThrow();
        assertThat(p.keyId()).isEqualTo(2);
        assertThat(new String(p.password().toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("secret");
        assertThat(p.toString()).doesNotContain("secret");
        assertThat(hex(ControlPacketCodec.encode(ControlPacketCodec.decode(bytes(hex)).orThrow()))).isEqualTo(hex);
    }

    @Test
    void rfc5880_s6_7_4_sha1AuthLenOtherThan28_isDiscarded() {
        // Auth Len 24 (the MD5 length) under Auth Type 4.
        assertThat(reason("20440334" + BODY + "04180700" + "0000002a" + HASH)).isEqualTo(DiscardReason.BAD_AUTH_LENGTH);
    }

    @Test
    void rfc5880_s6_7_3_md5AuthLenOtherThan24_isDiscarded() {
        assertThat(reason("20440334" + BODY + "021c0700" + "0000002a" + HASH)).isEqualTo(DiscardReason.BAD_AUTH_LENGTH);
    }

    @Test
    void rfc5880_s6_7_2_passwordOutsideOneTo16Bytes_isDiscarded() {
        assertThat(reason("2044031b" + BODY + "010302")).isEqualTo(DiscardReason.BAD_AUTH_LENGTH);
        assertThat(reason("2044032c" + BODY + "011402" + "61".repeat(17))).isEqualTo(DiscardReason.BAD_AUTH_LENGTH);
    }

    @Test
    void rfc5880_s4_1_authLenPastLength_isDiscarded() {
        // Length 26 leaves 2 bytes for a section announcing 28.
        assertThat(reason("2044031a" + BODY + "041c")).isEqualTo(DiscardReason.AUTH_SECTION_TRUNCATED);
    }

    @Test
    void rfc5880_s4_1_reservedOrUnassignedAuthType_isDiscarded() {
        assertThat(reason("2044031a" + BODY + "0002")).isEqualTo(DiscardReason.UNKNOWN_AUTH_TYPE);
        assertThat(reason("2044031a" + BODY + "0602")).isEqualTo(DiscardReason.UNKNOWN_AUTH_TYPE);
    }
}
