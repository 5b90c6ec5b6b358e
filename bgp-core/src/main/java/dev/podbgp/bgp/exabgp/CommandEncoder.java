package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.MpUnreachNlri;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.MessageType;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import java.util.List;

/**
 * Turns a command into the UPDATEs one session sends for it.
 *
 * <ul>
 *   <li>IPv4 routes with an IPv4 next hop go in the NLRI field with NEXT_HOP (RFC 4271 §4.3);
 *   <li>IPv6 routes go in MP_REACH_NLRI with a 16-octet global next hop and no NEXT_HOP
 *       attribute (RFC 4760 §3, RFC 2545 §3), as ExaBGP sends them;
 *   <li>IPv4 routes with an IPv6 next hop go in an IPv4 MP_REACH_NLRI (RFC 8950 §3);
 *   <li>withdrawals carry no attributes: IPv4 in the Withdrawn Routes field, IPv6 in
 *       MP_UNREACH_NLRI (RFC 4760 §4);
 *   <li>path identifiers are written when the session sends them for the family (RFC 7911 §3).
 * </ul>
 */
public final class CommandEncoder {
    private CommandEncoder() {}

    /**
     * The UPDATEs for {@code command} on a session with these defaults and capabilities.
     *
     * @throws IllegalArgumentException when {@code next-hop self} cannot be resolved on this
     *                                  session, or the routes do not fit in one message
     */
    public static List<Update> encode(Command command, ExabgpSendDefaults defaults, SessionCapabilities caps) {
        return switch (command) {
            case Command.Announce a -> List.of(announceAsSingleUpdate(a, defaults, caps));
            case Command.Withdraw w -> List.of(withdrawAsSingleUpdate(w, caps));
            case Command.EndOfRib e -> List.of(Update.endOfRib(e.family()));
        };
    }

    /**
     * All routes of the command in one UPDATE. To be replaced by the lead's
     * {@code UpdatePacker}, which splits routes over as many messages as the session's
     * maximum size needs; until then a command that does not fit is refused.
     */
    static Update announceAsSingleUpdate(Command.Announce a, ExabgpSendDefaults defaults, SessionCapabilities caps) {
        Family family = a.family();
        Nlri nlri = Nlri.of(family, caps.sendsPathIds(family), a.routes());
        IpAddress nextHop = defaults.resolve(a.nextHop(), family);
        PathAttributes attributes = defaults.apply(a.attributes());
        Nlri noIpv4 = Nlri.empty(Family.IPV4_UNICAST, caps.sendsPathIds(Family.IPV4_UNICAST));
        Update u;
        if (family.equals(Family.IPV4_UNICAST) && nextHop instanceof Ipv4Address v4) {
            u = new Update(noIpv4, attributes.with(new NextHop(v4)), nlri);
        } else {
            u = new Update(noIpv4, attributes.with(new MpReachNlri(family, nextHop, null, nlri)), noIpv4);
        }
        return checkSize(u, caps);
    }

    /** All withdrawals of the command in one UPDATE; see {@link #announceAsSingleUpdate}. */
    static Update withdrawAsSingleUpdate(Command.Withdraw w, SessionCapabilities caps) {
        Family family = w.family();
        Nlri nlri = Nlri.of(family, caps.sendsPathIds(family), w.routes());
        Nlri noIpv4 = Nlri.empty(Family.IPV4_UNICAST, caps.sendsPathIds(Family.IPV4_UNICAST));
        Update u = family.equals(Family.IPV4_UNICAST)
                ? new Update(nlri, PathAttributes.EMPTY, noIpv4)
                : new Update(noIpv4, PathAttributes.of(new MpUnreachNlri(family, nlri)), noIpv4);
        return checkSize(u, caps);
    }

    private static Update checkSize(Update u, SessionCapabilities caps) {
        int size = HEADER_LENGTH + u.bodyLength(caps);
        if (size > caps.maxMessageSize()) {
            throw new IllegalArgumentException("the command's routes need a " + size + "-octet UPDATE, above the "
                    + caps.maxMessageSize() + " octets this session allows");
        }
        return u;
    }

    /** RFC 4271 §4.1: marker (16), length (2), type (1). */
    public static final int HEADER_LENGTH = 19;

    /**
     * The whole message on the wire, header included. Until the lead's message framing lands in
     * this branch, this is where an UPDATE gets its RFC 4271 §4.1 header.
     */
    public static byte[] messageBytes(Update u, SessionCapabilities caps) {
        int length = HEADER_LENGTH + u.bodyLength(caps);
        WireWriter w = new WireWriter(length);
        for (int i = 0; i < 16; i++) {
            w.u8(0xff);
        }
        w.u16(length).u8(MessageType.UPDATE.code());
        u.writeBody(w, caps);
        return w.toByteArray();
    }
}
