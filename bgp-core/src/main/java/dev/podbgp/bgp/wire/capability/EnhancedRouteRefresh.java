package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;

/**
 * Enhanced route refresh (RFC 7313 §3): an empty capability enabling BoRR/EoRR markers; sent with
 * length 0, a received value is ignored as for route refresh.
 */
public record EnhancedRouteRefresh() implements EmptyCapability {

    public static final EnhancedRouteRefresh INSTANCE = new EnhancedRouteRefresh();

    static DecodeResult<Capability> decode(int len) {
        return RouteRefreshCapability.valueIgnored(INSTANCE);
    }

    @Override
    public int code() {
        return ENHANCED_ROUTE_REFRESH;
    }

    @Override
    public void appendJson(JsonOut out) {
        out.beginObject().field("name", "enhanced-route-refresh").endObject();
    }
}
