package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;

/** ATOMIC_AGGREGATE (RFC 4271 §5.1.6): a flag with no value. */
public record AtomicAggregate() implements PathAttribute {

    public static final AtomicAggregate INSTANCE = new AtomicAggregate();

    /** RFC 7606 §7.6: a length other than 0 is attribute discard. */
    static DecodeResult<PathAttribute> decode(int len) {
        if (len != 0) {
            return AttributeErrors.badLength(AttributeType.ATOMIC_AGGREGATE, len, "0");
        }
        return DecodeResult.ok(INSTANCE);
    }

    @Override
    public int typeCode() {
        return AttributeType.ATOMIC_AGGREGATE.code();
    }

    @Override
    public int flags() {
        return AttributeType.ATOMIC_AGGREGATE.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return 0;
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {}

    @Override
    public void appendJson(JsonOut json) {
        json.field("atomic-aggregate", true);
    }
}
