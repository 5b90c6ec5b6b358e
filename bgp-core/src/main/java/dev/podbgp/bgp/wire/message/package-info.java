/**
 * The BGP messages (RFC 4271 §4, RFC 2918, RFC 7313): the 19-octet header and its framing
 * checks ({@link dev.podbgp.bgp.wire.message.MessageCodec}), OPEN with its optional
 * parameters, NOTIFICATION, KEEPALIVE, ROUTE-REFRESH, and the dispatch to UPDATE.
 *
 * <p>Decoders check syntax only and never throw for a peer's bytes. What to do with a valid
 * message (peer AS checks, the FSM, collisions) belongs to the session, not here.
 */
package dev.podbgp.bgp.wire.message;
