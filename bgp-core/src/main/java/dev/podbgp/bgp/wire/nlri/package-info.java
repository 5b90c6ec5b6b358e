/**
 * NLRI: the prefixes of one address family as they travel on the wire (RFC 4271 §4.3,
 * RFC 4760 §5, RFC 7911 §3 path identifiers).
 *
 * <p>{@link dev.podbgp.bgp.wire.nlri.Nlri} keeps the received bytes and reads prefixes out
 * as primitives through a visitor, so decoding a full table allocates per message, never
 * per prefix. It knows nothing of attributes or peers.
 */
package dev.podbgp.bgp.wire.nlri;
