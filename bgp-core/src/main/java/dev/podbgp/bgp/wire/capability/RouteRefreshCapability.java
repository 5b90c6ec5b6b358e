package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.WireWriter;

/** Route refresh (RFC 2918 §2): an empty capability. */
public record RouteRefreshCapability() implements Capability {

    public static final RouteRefreshCapability INSTANCE = new RouteRefreshCapability();

    static DecodeResult<Capability> decode(int len) {
        return len == 0 ? DecodeResult.ok(INSTANCE) : Capability.malformed(ROUTE_REFRESH, len, "RFC 2918 §2 length is 0");
    }

    @Override
    public int code() {
        return ROUTE_REFRESH;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void writeValue(WireWriter out) {}

    @Override
    public void appendJson(JsonOut out) {
        appendJson(out, false);
    }

    /** ExaBGP prints codes 2 and 128 alike, telling them apart only by {@code variant}. */
    static void appendJson(JsonOut out, boolean cisco) {
        out.beginObject().field("name", "route-refresh").field("variant", cisco ? "Cisco" : "RFC").endObject();
    }
}
