package dev.podbgp.bgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.inet.Ipv4Address;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    static final SessionCapabilities PLAIN = SessionCapabilities.RFC4271;
    static final SessionCapabilities EXTENDED = PLAIN.withExtendedMessage(true);
    static final String MARKER = "FF".repeat(16);

    static DecodeResult<Integer> frame(String hex, SessionCapabilities caps) {
        byte[] b = Bytes.fromHex(hex);
        return MessageCodec.frameLength(b, 0, b.length, caps);
    }

    static Malformation problem(DecodeResult<?> r) {
        assertThat(r).isInstanceOf(DecodeResult.Malformed.class);
        Malformation m = ((DecodeResult.Malformed<?>) r).problem();
        assertThat(m.action()).isEqualTo(ErrorAction.SESSION_RESET);
        return m;
    }

    @Test
    void fewerThan19OctetsAskForMore() {
        assertThat(frame(MARKER + "00", PLAIN).orThrow()).isZero();
    }

    @Test
    void frameLengthIsTheLengthField() {
        assertThat(frame(MARKER + "001D01", PLAIN).orThrow()).isEqualTo(29);
        // The frame decoder sees the header before the body arrives.
        assertThat(frame(MARKER + "0FFF02", PLAIN).orThrow()).isEqualTo(4095);
    }

    @Test
    void rfc4271_s6_1_markerNotAllOnesIsConnectionNotSynchronized() {
        Malformation m = problem(frame("FF".repeat(15) + "FE" + "001304", PLAIN));
        assertThat(m.error()).isEqualTo(BgpError.CONNECTION_NOT_SYNCHRONIZED);
        assertThat(m.data()).isEmpty();
    }

    @Test
    void rfc4271_s6_1_lengthBelow19IsBadLengthWithTheLengthField() {
        Malformation m = problem(frame(MARKER + "001204", PLAIN));
        assertThat(m.error()).isEqualTo(BgpError.BAD_MESSAGE_LENGTH);
        assertThat(m.data()).containsExactly(0x00, 0x12);
    }

    @Test
    void rfc4271_s6_1_lengthAbove4096IsBadLength() {
        Malformation m = problem(frame(MARKER + "100102", PLAIN));
        assertThat(m.error()).isEqualTo(BgpError.BAD_MESSAGE_LENGTH);
        assertThat(m.data()).containsExactly(0x10, 0x01);
    }

    @Test
    void rfc8654_s4_extendedSessionAcceptsUpdatesUpTo65535() {
        assertThat(frame(MARKER + "FFFF02", EXTENDED).orThrow()).isEqualTo(65535);
    }

    @Test
    void rfc8654_s4_openLongerThan4096IsBadLengthEvenWhenExtended() {
        assertThat(problem(frame(MARKER + "100101", EXTENDED)).error()).isEqualTo(BgpError.BAD_MESSAGE_LENGTH);
    }

    @Test
    void rfc4271_s6_1_typeSixIsBadMessageTypeWithTheTypeOctet() {
        Malformation m = problem(frame(MARKER + "001306", PLAIN));
        assertThat(m.error()).isEqualTo(BgpError.BAD_MESSAGE_TYPE);
        assertThat(m.data()).containsExactly(6);
    }

    @Test
    void rfc4271_s6_1_openShorterThan29IsBadLength() {
        assertThat(problem(frame(MARKER + "001C01", PLAIN)).error()).isEqualTo(BgpError.BAD_MESSAGE_LENGTH);
    }

    @Test
    void rfc4271_s6_1_updateShorterThan23IsBadLength() {
        assertThat(problem(frame(MARKER + "001602", PLAIN)).error()).isEqualTo(BgpError.BAD_MESSAGE_LENGTH);
        assertThat(frame(MARKER + "001702", PLAIN).orThrow()).isEqualTo(23);
    }

    @Test
    void rfc4271_s6_1_notificationShorterThan21IsBadLength() {
        assertThat(problem(frame(MARKER + "001403", PLAIN)).data()).containsExactly(0x00, 0x14);
    }

    @Test
    void rfc4271_s6_1_keepaliveOf20IsBadLength() {
        assertThat(problem(frame(MARKER + "001404", PLAIN)).error()).isEqualTo(BgpError.BAD_MESSAGE_LENGTH);
    }

    @Test
    void decodeRefusesAFrameWhoseHeaderDisagreesWithItsLength() {
        byte[] b = Bytes.fromHex(MARKER + "001304" + "00");
        assertThat(problem(MessageCodec.decode(b, 0, b.length, PLAIN)).error()).isEqualTo(BgpError.BAD_MESSAGE_LENGTH);
    }

    @Test
    void decodeOfLessThanAHeaderIsBadLength() {
        byte[] b = Bytes.fromHex("FFFF");
        assertThat(problem(MessageCodec.decode(b, 0, b.length, PLAIN)).error()).isEqualTo(BgpError.BAD_MESSAGE_LENGTH);
    }

    @Test
    void decodeReadsAtAnOffset() {
        byte[] b = Bytes.fromHex("AABB" + MARKER + "001304" + "CC");
        assertThat(MessageCodec.decode(b, 2, 19, PLAIN).orThrow()).isEqualTo(Keepalive.INSTANCE);
    }

    @Test
    void rfc4271_s4_2_openGoldenMessage() {
        Open open = Open.of(200, 90, Ipv4Address.parse("1.1.1.1"), List.of());
        byte[] wire = MessageCodec.encode(open, PLAIN);
        assertThat(Bytes.hex(wire)).isEqualTo(MARKER + "001D01" + "0400C8005A0101010100");
        assertThat(MessageCodec.decode(wire, 0, wire.length, PLAIN).orThrow()).isEqualTo(open);
    }

    @Test
    void updateBodyIsHandedToUpdate() {
        byte[] wire = Bytes.fromHex(MARKER + "001702" + "00000000");
        BgpMessage m = MessageCodec.decode(wire, 0, wire.length, PLAIN).orThrow();
        assertThat(m).isInstanceOf(Update.class);
        assertThat(MessageCodec.encode(m, PLAIN)).isEqualTo(wire);
    }

    @Test
    void encodingBeyondTheSessionLimitIsACallerBug() {
        Notification big = new Notification(6, 0, new byte[4096 - 21 + 1]);
        assertThatThrownBy(() -> MessageCodec.encode(big, PLAIN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MessageCodec.encode(big, EXTENDED)).hasSize(4097);
    }
}
