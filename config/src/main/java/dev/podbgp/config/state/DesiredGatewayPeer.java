package dev.podbgp.config.state;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;

/**
 * A peer found from the node's default route of {@code family}: once its gateway is known, {@link #at} is an
 * ordinary configured peer of the state the daemon runs.
 *
 * @param template the peer's settings; its address is a placeholder for the gateway's
 */
public record DesiredGatewayPeer(AddressFamily family, DesiredPeer template) {
    public DesiredGatewayPeer {
        if (template.address().family() != family) {
            throw new IllegalArgumentException("the gateway peer's placeholder address is not " + family);
        }
    }

    public DesiredPeer at(IpAddress gateway) {
        if (gateway.family() != family) {
            throw new IllegalArgumentException("gateway " + gateway + " is not " + family);
        }
        return template.with(gateway, template.asn());
    }
}
