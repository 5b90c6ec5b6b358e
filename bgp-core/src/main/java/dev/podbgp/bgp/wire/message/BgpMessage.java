package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;

/**
 * A BGP message body. The 19-octet header (marker, length, type) is added and checked by
 * {@link MessageCodec}; each message knows only its body.
 */
public sealed interface BgpMessage permits Open, Update, Notification, Keepalive, RouteRefresh {

    MessageType type();

    /** Body length in octets under these capabilities, computed before writing. */
    int bodyLength(SessionCapabilities caps);

    /** Writes exactly {@link #bodyLength} octets. */
    void writeBody(WireWriter out, SessionCapabilities caps);
}
