package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.MpUnreachNlri;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs prefixes into as few UPDATEs as the session's message size allows: every prefix
 * sharing one set of attributes goes into the same message until it is full.
 *
 * <p>Each UPDATE carries one kind of NLRI only (RFC 7606 §5.1: Withdrawn Routes, NLRI,
 * MP_REACH_NLRI or MP_UNREACH_NLRI), so a malformed attribute can never hide which
 * prefixes a message was about.
 */
public final class UpdatePacker {

    private static final int HEADER = 19;
    /** Withdrawn Routes Length and Total Path Attribute Length. */
    private static final int LENGTH_FIELDS = 4;

    private UpdatePacker() {}

    /**
     * Announces {@code entries} with {@code attributes} (no NEXT_HOP or MP attributes; the
     * packer adds the one that carries {@code nextHop}). IPv4 prefixes with an IPv4 next hop
     * use the NLRI field; IPv6 prefixes, and IPv4 ones with an IPv6 next hop (RFC 8950),
     * use MP_REACH_NLRI.
     *
     * @param linkLocal RFC 2545 link-local next hop for IPv6, or {@code null}
     */
    public static List<Update> announce(Family family, PathAttributes attributes, IpAddress nextHop,
                                        Ipv6Address linkLocal, List<NlriEntry> entries, SessionCapabilities caps) {
        PathAttributes base = attributes.withoutNlri().without(AttributeType.NEXT_HOP.code());
        boolean pathIds = caps.sendsPathIds(family);
        List<Update> out = new ArrayList<>();
        if (family.equals(Family.IPV4_UNICAST) && nextHop instanceof Ipv4Address v4 && linkLocal == null) {
            PathAttributes attrs = base.with(new NextHop(v4));
            int budget = caps.maxMessageSize() - HEADER - LENGTH_FIELDS - attrs.encodedLength(caps);
            Nlri none = Nlri.empty(Family.IPV4_UNICAST, pathIds);
            pack(family, pathIds, entries, budget, 0, nlri -> out.add(new Update(none, attrs, nlri)));
            return out;
        }
        int nextHopLength = nextHop instanceof Ipv4Address ? 4 : linkLocal != null ? 32 : 16;
        int budget = caps.maxMessageSize() - HEADER - LENGTH_FIELDS - base.encodedLength(caps);
        int mpFixed = 5 + nextHopLength;
        Nlri none = Nlri.empty(Family.IPV4_UNICAST, caps.sendsPathIds(Family.IPV4_UNICAST));
        pack(family, pathIds, entries, budget, mpFixed, nlri -> out.add(new Update(none,
                base.with(new MpReachNlri(family, nextHop, linkLocal, nlri)), none)));
        return out;
    }

    /** Withdraws {@code entries}: the Withdrawn Routes field for IPv4, MP_UNREACH_NLRI otherwise. */
    public static List<Update> withdraw(Family family, List<NlriEntry> entries, SessionCapabilities caps) {
        boolean pathIds = caps.sendsPathIds(family);
        int budget = caps.maxMessageSize() - HEADER - LENGTH_FIELDS;
        List<Update> out = new ArrayList<>();
        if (family.equals(Family.IPV4_UNICAST)) {
            Nlri none = Nlri.empty(Family.IPV4_UNICAST, pathIds);
            pack(family, pathIds, entries, budget, 0, nlri -> out.add(new Update(nlri, PathAttributes.EMPTY, none)));
            return out;
        }
        Nlri none = Nlri.empty(Family.IPV4_UNICAST, caps.sendsPathIds(Family.IPV4_UNICAST));
        pack(family, pathIds, entries, budget, 3, nlri -> out.add(new Update(none,
                PathAttributes.of(new MpUnreachNlri(family, nlri)), none)));
        return out;
    }

    /**
     * Fills messages in order. {@code mpFixed} is 0 when the NLRI travel outside attributes;
     * otherwise the fixed octets of the MP attribute value, whose header grows from 3 to 4
     * octets once the value passes 255 (extended length).
     */
    private static void pack(Family family, boolean pathIds, List<NlriEntry> entries, int budget, int mpFixed,
                             java.util.function.Consumer<Nlri> emit) {
        Nlri.Builder current = Nlri.builder(family, pathIds);
        for (NlriEntry e : entries) {
            int size = e.encodedLength(pathIds);
            if (cost(current.encodedLength() + size, mpFixed) > budget) {
                if (current.count() == 0) {
                    throw new IllegalArgumentException("attributes leave no room for a single prefix in a "
                            + (budget + HEADER + LENGTH_FIELDS) + "-octet message");
                }
                emit.accept(current.build());
                current = Nlri.builder(family, pathIds);
            }
            current.add(e.pathId(), e.prefix());
        }
        if (current.count() > 0) {
            emit.accept(current.build());
        }
    }

    private static int cost(int nlriLength, int mpFixed) {
        if (mpFixed == 0) {
            return nlriLength;
        }
        int value = mpFixed + nlriLength;
        return (value > 255 ? 4 : 3) + value;
    }
}
