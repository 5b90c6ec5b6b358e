/**
 * The ICMPv6 Neighbor Discovery messages podbgp sends and reads (RFC 4861 §4), as records with their
 * encoding and the receive-side validity checks of §6.1 and §7.1 beside them. No sockets here.
 */
package dev.podbgp.nd.wire;
