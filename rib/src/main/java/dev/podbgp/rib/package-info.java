/**
 * The RIB: per-peer Adj-RIB-In (after import policy), the RFC 4271 §9.1 decision process,
 * ECMP, the Loc-RIB and its change stream to {@link dev.podbgp.rib.RibListener}s.
 *
 * <p>A plain library driven by one thread (STYLE item 8): no locks, no threads, no Netty, no
 * sockets. It reads only the bgp-core {@code wire} model (PathAttributes and the attribute
 * records) and never encodes or sends anything; Adj-RIB-Out, the FIB and policy live elsewhere
 * ({@code dev.podbgp.rib.policy} owns policy and is only called through {@link
 * dev.podbgp.rib.ImportPolicy}).
 */
package dev.podbgp.rib;
