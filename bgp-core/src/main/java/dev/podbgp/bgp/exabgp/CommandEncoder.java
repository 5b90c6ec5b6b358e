package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.message.UpdatePacker;
import java.util.List;

/**
 * Turns a command into the UPDATEs one session sends for it, through {@link UpdatePacker}:
 *
 * <ul>
 *   <li>IPv4 routes with an IPv4 next hop go in the NLRI field with NEXT_HOP (RFC 4271 §4.3);
 *   <li>IPv6 routes go in MP_REACH_NLRI with a 16-octet global next hop and no NEXT_HOP
 *       attribute (RFC 4760 §3, RFC 2545 §3), as ExaBGP sends them;
 *   <li>IPv4 routes with an IPv6 next hop go in an IPv4 MP_REACH_NLRI (RFC 8950 §3);
 *   <li>withdrawals carry no attributes: IPv4 in the Withdrawn Routes field, IPv6 in
 *       MP_UNREACH_NLRI (RFC 4760 §4);
 *   <li>path identifiers are written when the session sends them for the family (RFC 7911 §3);
 *   <li>routes sharing attributes fill each message up to the session's maximum size.
 * </ul>
 */
public final class CommandEncoder {
    private CommandEncoder() {}

    /**
     * The UPDATEs for {@code command} on a session with these defaults and capabilities.
     *
     * @throws IllegalArgumentException when {@code next-hop self} cannot be resolved on this
     *                                  session, or the attributes leave no room for a prefix
     */
    public static List<Update> encode(Command command, ExabgpSendDefaults defaults, SessionCapabilities caps) {
        return switch (command) {
            case Command.Announce a -> {
                Family family = a.family();
                yield UpdatePacker.announce(family, defaults.apply(a.attributes()), defaults.resolve(a.nextHop(), family),
                        null, a.routes(), caps);
            }
            case Command.Withdraw w -> UpdatePacker.withdraw(w.family(), w.routes(), caps);
            case Command.EndOfRib e -> List.of(Update.endOfRib(e.family()));
        };
    }
}
