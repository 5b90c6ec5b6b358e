/**
 * BFD, Bidirectional Forwarding Detection (RFC 5880), in asynchronous mode over IP (RFC 5881
 * single hop, RFC 5883 multihop): tells its user, per session, whether the path to a peer is up.
 *
 * <p>{@code wire} owns the Control packet and its codec, {@code auth} the Keyed SHA1
 * authentication of §6.7.4, {@code session} the state machine of one session. All three are pure:
 * no sockets, no threads, no clocks of their own. {@code transport} carries the packets over UDP
 * with Netty and drives the sessions on its event loop; it depends on the other three, never the
 * other way. The daemon wiring to BGP lives in {@code daemon}.
 */
package dev.podbgp.bfd;
