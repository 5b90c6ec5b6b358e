package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Update;

/** The one place Adj-RIB-Out turns UPDATEs into bytes, counted so encode-once can be checked. */
final class Encoder {

    private long encoded;

    byte[] encode(Update update, SessionCapabilities caps) {
        encoded++;
        return MessageCodec.encode(update, caps);
    }

    long encodedMessages() {
        return encoded;
    }
}
