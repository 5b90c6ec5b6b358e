package dev.podbgp.fib.netlink;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads netlink messages and attributes in place in a receive buffer; offsets in, primitives out,
 * so acknowledging a batch allocates nothing. Lengths are checked against the datagram: a short
 * or overlong field ends the walk instead of reading past it.
 */
public final class Messages {

    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong BE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private Messages() {}

    /** The message length, or -1 when the header at {@code at} does not fit in {@code limit}. */
    public static int length(MemorySegment s, int at, int limit) {
        if (at + Rtnetlink.NLMSG_HDRLEN > limit) {
            return -1;
        }
        int length = s.get(U32, at);
        return length < Rtnetlink.NLMSG_HDRLEN || at + length > limit ? -1 : length;
    }

    public static int type(MemorySegment s, int at) {
        return Short.toUnsignedInt(s.get(U16, at + 4));
    }

    public static int flags(MemorySegment s, int at) {
        return Short.toUnsignedInt(s.get(U16, at + 6));
    }

    public static int sequence(MemorySegment s, int at) {
        return s.get(U32, at + 8);
    }

    /** The errno of an NLMSG_ERROR (0 for a plain acknowledgement), as a positive number. */
    public static int error(MemorySegment s, int at) {
        return -s.get(U32, at + Rtnetlink.NLMSG_HDRLEN);
    }

    /**
     * The kernel's reason text of an NLMSG_ERROR (NETLINK_EXT_ACK), or null. The attributes
     * follow the echoed request: only its header when the ack is capped, else all of it.
     */
    public static String extendedAck(MemorySegment s, int at, int length) {
        int flags = flags(s, at);
        if ((flags & Rtnetlink.NLM_F_ACK_TLVS) == 0) {
            return null;
        }
        int echoed = at + Rtnetlink.NLMSG_HDRLEN + 4;
        int echoedLength = (flags & Rtnetlink.NLM_F_CAPPED) != 0 ? Rtnetlink.NLMSG_HDRLEN
                : Rtnetlink.align(s.get(U32, echoed));
        int attr = find(s, echoed + echoedLength, at + length, Rtnetlink.NLMSGERR_ATTR_MSG);
        return attr < 0 ? null : string(s, attr + 4, attributeLength(s, attr) - 4);
    }

    /** The offset of the first attribute of {@code type} in [{@code from}, {@code to}), or -1. */
    public static int find(MemorySegment s, int from, int to, int type) {
        for (int at = from; at + 4 <= to; ) {
            int length = attributeLength(s, at);
            if (length < 4 || at + length > to) {
                return -1;
            }
            if (attributeType(s, at) == type) {
                return at;
            }
            at += Rtnetlink.align(length);
        }
        return -1;
    }

    public static int attributeLength(MemorySegment s, int at) {
        return Short.toUnsignedInt(s.get(U16, at));
    }

    /** The type without the NLA_F_NESTED and NLA_F_NET_BYTEORDER bits. */
    public static int attributeType(MemorySegment s, int at) {
        return s.get(U16, at + 2) & 0x3fff;
    }

    public static int u8(MemorySegment s, int at) {
        return Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at));
    }

    public static int u16(MemorySegment s, int at) {
        return Short.toUnsignedInt(s.get(U16, at));
    }

    public static int u32(MemorySegment s, int at) {
        return s.get(U32, at);
    }

    public static int ipv4(MemorySegment s, int at) {
        return s.get(BE32, at);
    }

    public static long be64(MemorySegment s, int at) {
        return s.get(BE64, at);
    }

    /** A NUL-terminated string of at most {@code max} octets. */
    public static String string(MemorySegment s, int at, int max) {
        int end = at;
        while (end < at + max && s.get(ValueLayout.JAVA_BYTE, end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - at];
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, at, bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
