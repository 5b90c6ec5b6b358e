/**
 * ExaBGP 4.2 compatibility on the sending side: its text API ({@code announce route ...},
 * {@code withdraw route ...}, {@code announce attributes ... nlri ...}, {@code announce eor})
 * parsed into {@link dev.podbgp.bgp.exabgp.Command} values, the attribute defaults ExaBGP
 * adds when it sends ({@link dev.podbgp.bgp.exabgp.ExabgpSendDefaults}), and the conversion
 * of a command into UPDATE messages ({@link dev.podbgp.bgp.exabgp.CommandEncoder}).
 *
 * <p>Owns the grammar and its error messages only. Wire formats belong to
 * {@code dev.podbgp.bgp.wire}; which peers a command reaches and when its UPDATEs are sent
 * belong to the session and the API server. Where podbgp deliberately differs from what
 * ExaBGP sends, {@code docs/exabgp-compat.md} says why.
 */
package dev.podbgp.bgp.exabgp;
