package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.WireWriter;

/**
 * A capability whose presence is all it says: route refresh (both codes), enhanced route refresh and extended
 * message. We send them with length 0; how a received value is treated is each one's {@code decode}.
 */
public sealed interface EmptyCapability extends Capability
        permits RouteRefreshCapability, CiscoRouteRefresh, EnhancedRouteRefresh, ExtendedMessage {

    @Override
    default int valueLength() {
        return 0;
    }

    @Override
    default void writeValue(WireWriter out) {}
}
