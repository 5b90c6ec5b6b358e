package dev.podbgp.fib.netlink;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Writes netlink messages one after another into one reused off-heap buffer, so a batch goes to
 * the kernel in one send. Header fields are host order; addresses are network order.
 * Not thread-safe; nothing is allocated per message.
 */
public final class MessageBuilder {

    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong BE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final MemorySegment buffer;
    private int position;
    private int messageStart = -1;
    private int messages;

    public MessageBuilder(Arena arena, int capacity) {
        this.buffer = arena.allocate(capacity, 8);
    }

    public MemorySegment segment() {
        return buffer;
    }

    public int length() {
        return position;
    }

    public int messages() {
        return messages;
    }

    public int remaining() {
        return (int) buffer.byteSize() - position;
    }

    public void clear() {
        position = 0;
        messages = 0;
        messageStart = -1;
    }

    /** Starts a message: nlmsghdr with the length filled in by {@link #end()}; pid 0 means "the kernel". */
    public MessageBuilder begin(int type, int flags, int sequence) {
        messageStart = position;
        buffer.set(U32, position, 0);
        buffer.set(U16, position + 4, (short) type);
        buffer.set(U16, position + 6, (short) flags);
        buffer.set(U32, position + 8, sequence);
        buffer.set(U32, position + 12, 0);
        position += Rtnetlink.NLMSG_HDRLEN;
        return this;
    }

    public void end() {
        buffer.set(U32, messageStart, position - messageStart);
        messages++;
        messageStart = -1;
    }

    public MessageBuilder u8(int value) {
        buffer.set(ValueLayout.JAVA_BYTE, position++, (byte) value);
        return this;
    }

    public MessageBuilder u16(int value) {
        buffer.set(U16, position, (short) value);
        position += 2;
        return this;
    }

    public MessageBuilder u32(int value) {
        buffer.set(U32, position, value);
        position += 4;
        return this;
    }

    public MessageBuilder attrU32(int type, int value) {
        header(type, 8);
        return u32(value);
    }

    /** An IPv4 address attribute: four octets in network order. */
    public MessageBuilder attrIpv4(int type, int bits) {
        header(type, 8);
        buffer.set(BE32, position, bits);
        position += 4;
        return this;
    }

    public MessageBuilder attrIpv6(int type, long high, long low) {
        header(type, 20);
        ipv6(high, low);
        return this;
    }

    public MessageBuilder ipv4(int bits) {
        buffer.set(BE32, position, bits);
        position += 4;
        return this;
    }

    public MessageBuilder ipv6(long high, long low) {
        buffer.set(BE64, position, high);
        buffer.set(BE64, position + 8, low);
        position += 16;
        return this;
    }

    public MessageBuilder attrFlag(int type) {
        header(type, 4);
        return this;
    }

    /** Starts an attribute whose length is known only after its content: returns its offset for {@link #close(int)}. */
    public int open(int type) {
        int at = position;
        header(type, 4);
        return at;
    }

    /** Fills in the length of the attribute (or rtnexthop) opened at {@code at} and pads to four octets. */
    public void close(int at) {
        buffer.set(U16, at, (short) (position - at));
        pad();
    }

    /** Reserves a struct that starts with a u16 length (rtnexthop); returns its offset for {@link #close(int)}. */
    public int mark() {
        return position;
    }

    private void header(int type, int length) {
        buffer.set(U16, position, (short) length);
        buffer.set(U16, position + 2, (short) type);
        position += 4;
    }

    private void pad() {
        while ((position & 3) != 0) {
            buffer.set(ValueLayout.JAVA_BYTE, position++, (byte) 0);
        }
    }
}
