/**
 * Every BGP message, capability and path attribute a pod-CIDR speaker meets: decode from
 * bytes, encode to bytes, render as ExaBGP JSON.
 *
 * <p>Plain code over {@code byte[]}: no Netty, no sockets, no threads. Decoders never throw
 * for a peer's mistake; they return a {@link dev.podbgp.bgp.wire.DecodeResult} carrying the
 * RFC 4271 §6 NOTIFICATION and the RFC 7606 action. Exceptions out of this package are bugs.
 *
 * <p>What a session negotiated (4-octet AS, ADD-PATH, extended message) reaches every codec
 * as one {@link dev.podbgp.bgp.wire.SessionCapabilities} value.
 */
package dev.podbgp.bgp.wire;
