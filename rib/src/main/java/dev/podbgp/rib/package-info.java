/**
 * The RIB: per-peer Adj-RIB-In (after import policy, and before it for peers with soft
 * reconfiguration), the RFC 4271 §9.1 decision process, ECMP, the Loc-RIB and its change stream
 * to {@link dev.podbgp.rib.RibListener}s; per-peer import settings ({@link dev.podbgp.rib.PeerImport}),
 * max-prefix notices ({@link dev.podbgp.rib.PeerNotice}) and graceful-restart staleness.
 *
 * <p>A plain library driven by one thread (STYLE item 8): no locks, no threads, no timers, no
 * Netty, no sockets. It reads only the bgp-core {@code wire} model (PathAttributes and the
 * attribute records) and never encodes or sends anything. Adj-RIB-Out and route reflection are
 * {@code dev.podbgp.rib.out}, a listener of this package; policy is {@code dev.podbgp.rib.policy},
 * which this package evaluates only in {@link dev.podbgp.rib.ImportAdmission}; the FIB is another
 * module. How events reach the RIB thread is {@code dev.podbgp.rib.event}.
 */
package dev.podbgp.rib;
