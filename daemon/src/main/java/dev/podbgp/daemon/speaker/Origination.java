package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;

/** The attributes of what the node originates: its podCIDRs, and routes announced by an operator. */
final class Origination {

    private Origination() {
    }

    /** A podCIDR: ORIGIN IGP, an empty AS_PATH (RFC 4271 §5.1.2: the node's own AS is added on export). */
    static PathAttributes attributes() {
        return PathAttributes.of(Origin.IGP, AsPath.EMPTY);
    }

    /** {@code announce route ...}: the command's attributes, ORIGIN IGP and an empty AS_PATH unless given. */
    static PathAttributes of(Command.Announce announce) {
        PathAttributes attrs = announce.attributes();
        if (attrs.origin() == null) {
            attrs = attrs.with(Origin.IGP);
        }
        if (attrs.asPath() == null) {
            attrs = attrs.with(AsPath.EMPTY);
        }
        return attrs;
    }
}
