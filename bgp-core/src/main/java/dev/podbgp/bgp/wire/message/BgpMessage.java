package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;

/** TEMPORARY in the lead's tree until the messages branch merges. */
public sealed interface BgpMessage permits Update {

    MessageType type();

    int bodyLength(SessionCapabilities caps);

    void writeBody(WireWriter out, SessionCapabilities caps);
}
