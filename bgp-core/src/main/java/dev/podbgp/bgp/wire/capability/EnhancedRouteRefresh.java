package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.WireWriter;

/** Enhanced route refresh (RFC 7313 §3): an empty capability enabling BoRR/EoRR markers. */
public record EnhancedRouteRefresh() implements Capability {

    public static final EnhancedRouteRefresh INSTANCE = new EnhancedRouteRefresh();

    static DecodeResult<Capability> decode(int len) {
        return len == 0
                ? DecodeResult.ok(INSTANCE)
                : Capability.malformed(ENHANCED_ROUTE_REFRESH, len, "RFC 7313 §3 length is 0");
    }

    @Override
    public int code() {
        return ENHANCED_ROUTE_REFRESH;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void writeValue(WireWriter out) {}

    @Override
    public void appendJson(JsonOut out) {
        out.beginObject().field("name", "enhanced-route-refresh").endObject();
    }
}
