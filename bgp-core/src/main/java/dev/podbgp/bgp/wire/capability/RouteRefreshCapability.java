package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;

/**
 * Route refresh (RFC 2918 §2): an empty capability. We send it with length 0; a value a peer
 * puts in it is ignored ({@link #valueIgnored}).
 */
public record RouteRefreshCapability() implements EmptyCapability {

    public static final RouteRefreshCapability INSTANCE = new RouteRefreshCapability();

    static DecodeResult<Capability> decode(int len) {
        return valueIgnored(INSTANCE);
    }

    /**
     * The route refresh capabilities (2, 128 and enhanced, 70) carry no value, yet some speakers
     * put octets in it. RFC 5492 §4 does not make that an error and FRR and ExaBGP accept it, so
     * we do too: refusing would reset a session over octets nobody reads. The value is dropped.
     */
    static DecodeResult<Capability> valueIgnored(Capability empty) {
        return DecodeResult.ok(empty);
    }

    @Override
    public int code() {
        return ROUTE_REFRESH;
    }

    @Override
    public void appendJson(JsonOut out) {
        appendJson(out, false);
    }

    /** ExaBGP prints codes 2 and 128 alike, telling them apart only by {@code variant}. */
    static void appendJson(JsonOut out, boolean cisco) {
        out.beginObject().field("name", "route-refresh").field("variant", cisco ? "Cisco" : "RFC").endObject();
    }
}
