package dev.podbgp.bfd.transport;

import io.netty.channel.Channel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Classic BPF socket filters ({@code SO_ATTACH_FILTER}): the kernel runs them on every datagram
 * before it is queued to the socket, and a datagram they reject is dropped and counted in the
 * socket's drop counter ({@code SO_MEMINFO}).
 *
 * <p>This is how the receive-side TTL check of RFC 5881 §5 (GTSM) is enforced. The obvious
 * option, {@code IP_MINTTL}/{@code IPV6_MINHOPCOUNT}, is accepted on a UDP socket but only TCP
 * applies it (checked on Linux 6.18: a TTL-64 datagram still arrives), and Netty's epoll
 * transport cannot hand us the {@code IP_RECVTTL} ancillary data. A socket filter reads the TTL
 * straight from the IP header, through the {@code SKF_NET_OFF} offsets, on IPv4 and IPv6 alike.
 */
final class SocketFilters {

    /** One {@code struct sock_filter}: opcode, jump offsets if true and if false, constant. */
    record Instruction(int code, int jumpTrue, int jumpFalse, int k) {}

    private static final int BYTES_PER_INSTRUCTION = 8;
    // Opcodes of linux/bpf_common.h.
    private static final int LOAD_BYTE_ABSOLUTE = 0x30; // BPF_LD | BPF_B | BPF_ABS
    private static final int AND_CONSTANT = 0x54; // BPF_ALU | BPF_AND | BPF_K
    private static final int JUMP_IF_EQUAL = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
    private static final int JUMP_IF_AT_LEAST = 0x35; // BPF_JMP | BPF_JGE | BPF_K
    private static final int JUMP = 0x05; // BPF_JMP | BPF_JA
    private static final int RETURN = 0x06; // BPF_RET | BPF_K
    /** SKF_NET_OFF: a UDP socket's filter starts at the UDP header; this reaches back to the IP header. */
    private static final int NETWORK_HEADER = -0x100000;
    private static final int IPV4_TTL = 8;
    private static final int IPV6_HOP_LIMIT = 7;
    /** Keep the whole datagram. */
    private static final int ACCEPT = -1;
    private static final int DROP = 0;

    private SocketFilters() {}

    /**
     * Accepts a datagram whose TTL (IPv4) or Hop Limit (IPv6) is at least {@code ttl}. The IP version
     * is read from the header, so one program serves both families.
     */
    static List<Instruction> minimumTtl(int ttl) {
        if (ttl < 1 || ttl > 255) {
            throw new IllegalArgumentException("TTL is 1 to 255, not " + ttl);
        }
        return List.of(
                new Instruction(LOAD_BYTE_ABSOLUTE, 0, 0, NETWORK_HEADER),
                new Instruction(AND_CONSTANT, 0, 0, 0xf0),
                new Instruction(JUMP_IF_EQUAL, 0, 2, 0x40),
                new Instruction(LOAD_BYTE_ABSOLUTE, 0, 0, NETWORK_HEADER + IPV4_TTL),
                new Instruction(JUMP, 0, 0, 1),
                new Instruction(LOAD_BYTE_ABSOLUTE, 0, 0, NETWORK_HEADER + IPV6_HOP_LIMIT),
                new Instruction(JUMP_IF_AT_LEAST, 0, 1, ttl),
                new Instruction(RETURN, 0, 0, ACCEPT),
                new Instruction(RETURN, 0, 0, DROP));
    }

    /** Drops everything: for a socket that only sends, so strays never take its memory. */
    static List<Instruction> dropAll() {
        return List.of(new Instruction(RETURN, 0, 0, DROP));
    }

    /** Attaches {@code program} to the channel's socket; the kernel copies it, so nothing stays to free. */
    static void attach(Channel channel, List<Instruction> program) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment code = arena.allocate((long) BYTES_PER_INSTRUCTION * program.size(), Long.BYTES);
            for (int i = 0; i < program.size(); i++) {
                Instruction in = program.get(i);
                long at = (long) i * BYTES_PER_INSTRUCTION;
                code.set(ValueLayout.JAVA_SHORT, at, (short) in.code());
                code.set(ValueLayout.JAVA_BYTE, at + 2, (byte) in.jumpTrue());
                code.set(ValueLayout.JAVA_BYTE, at + 3, (byte) in.jumpFalse());
                code.set(ValueLayout.JAVA_INT, at + 4, in.k());
            }
            ByteBuffer fprog = ByteBuffer.allocate(LinuxSocketOptions.SOCK_FPROG_SIZE).order(ByteOrder.nativeOrder());
            fprog.putShort(0, (short) program.size());
            fprog.putLong(Long.BYTES, code.address());
            channel.config().setOption(LinuxSocketOptions.SO_ATTACH_FILTER, fprog);
        }
    }
}
