/**
 * BGP over TCP with Netty: the epoll transport (NIO where epoll is unavailable), framing
 * and encoding of messages on a channel, and the per-socket options BGP needs (TCP MD5 per
 * RFC 2385, GTSM per RFC 5082, eBGP multihop TTL).
 *
 * <p>Owns sockets and event loops, nothing else: what to send and when is the session's
 * decision ({@code dev.podbgp.bgp.session}); what bytes mean is {@code wire}'s. No handler
 * here blocks an event loop.
 */
package dev.podbgp.bgp.transport;
