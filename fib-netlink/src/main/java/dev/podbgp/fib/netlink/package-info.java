/**
 * A {@code NETLINK_ROUTE} socket opened through {@code java.lang.foreign}, and the byte layout of
 * netlink messages (nlmsghdr, rtattr, nlmsgerr with extended ack).
 *
 * <p>Owns the syscalls and the off-heap buffers; knows which message types exist but not what a
 * route means. Must not allocate per message on the send or acknowledge path.
 */
package dev.podbgp.fib.netlink;
