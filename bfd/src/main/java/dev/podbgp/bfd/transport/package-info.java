/**
 * BFD Control packets over UDP (RFC 5881 single hop, RFC 5883 multihop) with Netty's epoll
 * transport: the sockets, their TTL rules, demultiplexing (RFC 5880 §6.3) and the timers that
 * drive each {@link dev.podbgp.bfd.session.BfdSession}.
 *
 * <p>Owns sockets and one event loop, nothing else: what to send and when is the session's
 * decision, what bytes mean is {@code wire}'s. Everything a session touches stays on that loop;
 * other threads read published snapshots. Nothing here blocks the loop.
 */
package dev.podbgp.bfd.transport;
