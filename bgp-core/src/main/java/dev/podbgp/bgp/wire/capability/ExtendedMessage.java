package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;

/** BGP extended message (RFC 8654 §3): an empty capability allowing messages up to 65535 octets. */
public record ExtendedMessage() implements EmptyCapability {

    public static final ExtendedMessage INSTANCE = new ExtendedMessage();

    static DecodeResult<Capability> decode(int len) {
        return len == 0 ? DecodeResult.ok(INSTANCE) : Capability.malformed(EXTENDED_MESSAGE, len, "RFC 8654 §3 length is 0");
    }

    @Override
    public int code() {
        return EXTENDED_MESSAGE;
    }

    @Override
    public void appendJson(JsonOut out) {
        out.beginObject().field("name", "extended-message")
                .field("size", SessionCapabilities.MAX_EXTENDED_MESSAGE_SIZE).endObject();
    }
}
