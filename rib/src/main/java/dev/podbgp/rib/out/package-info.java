/**
 * Adj-RIB-Out: what each peer is sent. {@link dev.podbgp.rib.out.OutboundRules} turns one Loc-RIB
 * route into the attributes and next hop a kind of peer gets (or why it gets nothing);
 * {@link dev.podbgp.rib.out.UpdateGroup} computes and encodes that once for every peer sharing
 * an {@link dev.podbgp.rib.out.ExportProfile}; {@link dev.podbgp.rib.out.AdjRibOut} is the
 * {@link dev.podbgp.rib.RibListener} that feeds the groups and hands out encoded UPDATEs.
 *
 * <p>Owns only its own copies of outgoing state. It reads Loc-RIB changes and never calls back
 * into the {@link dev.podbgp.rib.Rib}; it produces {@code byte[]} messages and never touches a
 * socket or Netty (the daemon writes them). Single-threaded like the rest of the RIB.
 */
package dev.podbgp.rib.out;
