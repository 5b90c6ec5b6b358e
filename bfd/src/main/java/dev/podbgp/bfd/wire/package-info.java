/**
 * The BFD Control packet (RFC 5880 §4.1) and its optional authentication section (§4.2–§4.4):
 * values, encoding, and decoding with the reception checks of §6.8.6 that need nothing but the
 * bytes.
 *
 * <p>Decoding never throws for a peer's bytes: the result is {@link dev.podbgp.bfd.wire.DecodeResult.Decoded}
 * or {@link dev.podbgp.bfd.wire.Discarded}, whose {@link dev.podbgp.bfd.wire.DiscardReason} names the
 * rule. {@code DiscardReason} also lists the rules the session and the authenticator apply, so every
 * discard of §6.8.6 is one row of one table. Knows nothing of sessions, timers or sockets.
 */
package dev.podbgp.bfd.wire;
