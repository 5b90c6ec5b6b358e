package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;

/**
 * The pre-RFC 2918 route refresh capability, code 128 from the private-use range. Cisco and
 * FRR still send it beside code 2; it means the same thing. A received value is ignored.
 */
public record CiscoRouteRefresh() implements EmptyCapability {

    public static final CiscoRouteRefresh INSTANCE = new CiscoRouteRefresh();

    static DecodeResult<Capability> decode(int len) {
        return RouteRefreshCapability.valueIgnored(INSTANCE);
    }

    @Override
    public int code() {
        return CISCO_ROUTE_REFRESH;
    }

    @Override
    public void appendJson(JsonOut out) {
        RouteRefreshCapability.appendJson(out, true);
    }
}
