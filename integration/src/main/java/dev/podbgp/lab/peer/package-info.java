/**
 * What every peer fixture (FRR, BIRD, GoBGP, ExaBGP, later podbgp itself) shares: the small
 * config a test writes ({@link dev.podbgp.lab.peer.PeerConfig}), the routes it announces, the
 * typed read-back ({@link dev.podbgp.lab.peer.RouteAttributes}, {@link dev.podbgp.lab.peer.SessionState})
 * and the {@link dev.podbgp.lab.peer.Peer} interface. No daemon-specific syntax lives here.
 */
package dev.podbgp.lab.peer;
