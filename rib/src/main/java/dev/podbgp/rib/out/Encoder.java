package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.RouteRefresh;
import dev.podbgp.bgp.wire.message.Update;

/**
 * The one place Adj-RIB-Out turns messages into bytes: UPDATEs, counted so encode-once can be
 * checked, and the BoRR/EoRR markers around a refresh answer (RFC 7313 §4), which are not.
 */
final class Encoder {

    private long encoded;

    byte[] encode(Update update, SessionCapabilities caps) {
        encoded++;
        return MessageCodec.encode(update, caps);
    }

    byte[] marker(RouteRefresh marker, SessionCapabilities caps) {
        return MessageCodec.encode(marker, caps);
    }

    long encodedMessages() {
        return encoded;
    }
}
