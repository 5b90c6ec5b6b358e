package dev.podbgp.config;

import dev.podbgp.inet.AddressFamily;

/**
 * {@code defaultGatewayPeer}: peer with the gateway of the node's default route of {@code family}, whichever router
 * that is at the moment (the top-of-rack switch, found instead of configured).
 *
 * @param settings the peer's settings; its address is a placeholder, replaced by the gateway's
 */
public record GatewayPeerSpec(AddressFamily family, PeerSpec settings) {
}
