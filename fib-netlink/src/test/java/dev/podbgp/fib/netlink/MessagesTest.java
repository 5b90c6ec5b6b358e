package dev.podbgp.fib.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden bytes of the netlink framing (little-endian host, as on x86-64 and arm64). */
class MessagesTest {

    private static String hex(MessageBuilder b) {
        byte[] bytes = b.segment().asSlice(0, b.length()).toArray(ValueLayout.JAVA_BYTE);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void rfc3549_s2_3_2_headerLengthTypeFlagsSequenceAndPaddedAttributes() {
        assertThat(ByteOrder.nativeOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        try (Arena arena = Arena.ofConfined()) {
            MessageBuilder b = new MessageBuilder(arena, 256);
            b.begin(Rtnetlink.RTM_NEWROUTE, Rtnetlink.NLM_F_REQUEST | Rtnetlink.NLM_F_ACK, 7);
            b.u8(2).u8(24).u8(0).u8(0).u8(100).u8(244).u8(0).u8(1).u32(0);
            b.attrIpv4(Rtnetlink.RTA_DST, 0xc0000200);
            int via = b.open(Rtnetlink.RTA_VIA);
            b.u16(Rtnetlink.AF_INET).ipv4(0x0a000002);
            b.close(via);
            b.end();
            assertThat(hex(b)).isEqualTo(
                    "30000000" + "1800" + "0500" + "07000000" + "00000000" // nlmsghdr: 48 octets, RTM_NEWROUTE, REQUEST|ACK, seq 7
                    + "02180000" + "64f40001" + "00000000"                   // rtmsg: AF_INET /24 table 100 proto 244 unicast
                    + "0800" + "0100" + "c0000200"                         // RTA_DST 192.0.2.0, network order
                    + "0a00" + "1200" + "0200" + "0a000002" + "0000");    // RTA_VIA len 10 (family + 10.0.0.2), padded to 12
            assertThat(b.messages()).isEqualTo(1);
            assertThat(Messages.length(b.segment(), 0, b.length())).isEqualTo(48);
            assertThat(Messages.length(b.segment(), 0, 47)).isEqualTo(-1);
        }
    }

    @Test
    void extendedAckTextIsReadAfterTheCappedEchoedHeader() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(128);
            byte[] msg = "Nexthop has invalid gateway\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int attrLength = 4 + msg.length;
            int total = 16 + 4 + 16 + Rtnetlink.align(attrLength);
            s.set(ValueLayout.JAVA_INT, 0, total);
            s.set(ValueLayout.JAVA_SHORT, 4, (short) Rtnetlink.NLMSG_ERROR);
            s.set(ValueLayout.JAVA_SHORT, 6, (short) (Rtnetlink.NLM_F_CAPPED | Rtnetlink.NLM_F_ACK_TLVS));
            s.set(ValueLayout.JAVA_INT, 8, 42);
            s.set(ValueLayout.JAVA_INT, 16, -Errno.ENETUNREACH);
            s.set(ValueLayout.JAVA_INT, 20, 68); // the echoed request header claims its full length: ignored when capped
            s.set(ValueLayout.JAVA_SHORT, 36, (short) attrLength);
            s.set(ValueLayout.JAVA_SHORT, 38, (short) Rtnetlink.NLMSGERR_ATTR_MSG);
            MemorySegment.copy(msg, 0, s, ValueLayout.JAVA_BYTE, 40, msg.length);
            assertThat(Messages.type(s, 0)).isEqualTo(Rtnetlink.NLMSG_ERROR);
            assertThat(Messages.sequence(s, 0)).isEqualTo(42);
            assertThat(Messages.error(s, 0)).isEqualTo(Errno.ENETUNREACH);
            assertThat(Messages.extendedAck(s, 0, total)).isEqualTo("Nexthop has invalid gateway");
            // A truncated attribute is not read past the message.
            assertThat(Messages.extendedAck(s, 0, 40)).isNull();
        }
    }
}
