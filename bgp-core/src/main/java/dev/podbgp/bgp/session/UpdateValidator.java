package dev.podbgp.bgp.session;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AsPathSegment;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.MpUnreachNlri;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Is a well-formed UPDATE acceptable from this peer? The decoders answer whether bytes
 * parse; this answers what only the session knows: whether the peer is internal or external,
 * its AS, the families negotiated (STYLE item 4). Problems are repaired with the RFC 7606
 * actions, never by resetting the session.
 */
public final class UpdateValidator {

    /** The UPDATE as it may be used, and what was wrong with the one received. */
    public record Result(Update update, List<Malformation> problems) {}

    private UpdateValidator() {}

    public static Result validate(Update update, boolean external, long peerAs, Set<Family> families) {
        List<Malformation> problems = new ArrayList<>(0);
        PathAttributes attrs = update.attributes();

        // RFC 4760 §7: NLRI of a family the session did not negotiate are ignored.
        MpReachNlri reach = attrs.mpReach();
        if (reach != null && !families.contains(reach.family())) {
            attrs = attrs.without(AttributeType.MP_REACH_NLRI.code());
            problems.add(ignoredFamily(reach.family()));
        }
        MpUnreachNlri unreach = attrs.mpUnreach();
        if (unreach != null && !families.contains(unreach.family())) {
            attrs = attrs.without(AttributeType.MP_UNREACH_NLRI.code());
            problems.add(ignoredFamily(unreach.family()));
        }
        if (external) {
            // RFC 7606 §7.5, §7.9, §7.10: attributes that only travel inside an AS are discarded.
            for (AttributeType internalOnly : List.of(AttributeType.LOCAL_PREF, AttributeType.ORIGINATOR_ID,
                    AttributeType.CLUSTER_LIST)) {
                if (attrs.has(internalOnly.code())) {
                    attrs = attrs.without(internalOnly.code());
                    problems.add(Malformation.discard(BgpError.MALFORMED_ATTRIBUTE_LIST, null,
                            internalOnly + " from an external peer is discarded"));
                }
            }
        }
        Update repaired = attrs == update.attributes() ? update : new Update(update.withdrawn(), attrs, update.nlri());
        Malformation withdraw = announcementProblem(repaired, external, peerAs);
        if (withdraw != null) {
            problems.add(withdraw);
            repaired = repaired.asWithdrawals();
        }
        return new Result(repaired, problems);
    }

    /** A reason to treat every announced prefix as withdrawn (RFC 7606 §2), or null. */
    private static Malformation announcementProblem(Update u, boolean external, long peerAs) {
        if (u.announced().isEmpty()) {
            return null;
        }
        AsPath path = u.attributes().asPath();
        if (external && path != null) {
            for (AsPathSegment s : path.segments()) {
                if (s.type().isConfederation()) {
                    // RFC 7606 §7.2 / RFC 5065 §5: confederation segments never come from outside.
                    return treatAsWithdraw(BgpError.MALFORMED_AS_PATH, "AS_PATH from an external peer has "
                            + s.type() + " segments");
                }
            }
            // RFC 4271 §6.3: the leftmost AS of an external peer's path is the peer's own.
            if (path.firstAs() != peerAs) {
                return treatAsWithdraw(BgpError.MALFORMED_AS_PATH, "AS_PATH " + path + " does not start with the peer's AS "
                        + peerAs);
            }
        }
        // RFC 4271 §6.3 / RFC 7606 §7.3: a next hop no router can be is semantically wrong.
        if (!u.nlri().isEmpty() && u.attributes().nextHop() != null && isMartian(u.attributes().nextHop().address())) {
            return treatAsWithdraw(BgpError.INVALID_NEXT_HOP_ATTRIBUTE,
                    "NEXT_HOP " + u.attributes().nextHop().address() + " is not a unicast address");
        }
        MpReachNlri reach = u.attributes().mpReach();
        if (reach != null && !reach.nlri().isEmpty() && isMartian(reach.forwardingNextHop())) {
            return treatAsWithdraw(BgpError.INVALID_NEXT_HOP_ATTRIBUTE,
                    "MP_REACH_NLRI next hop " + reach.forwardingNextHop() + " is not a unicast address");
        }
        return null;
    }

    /** 0/8, 127/8, 224/4 and 240/4 for IPv4; ::, ::1 and ff00::/8 for IPv6. */
    static boolean isMartian(IpAddress a) {
        return switch (a) {
            case Ipv4Address v4 -> {
                int first = v4.bits() >>> 24;
                yield first == 0 || first == 127 || first >= 224;
            }
            case Ipv6Address v6 -> (v6.high() == 0 && (v6.low() == 0 || v6.low() == 1)) || (v6.high() >>> 56) == 0xff;
        };
    }

    private static Malformation treatAsWithdraw(BgpError error, String reason) {
        return new Malformation(error, ErrorAction.TREAT_AS_WITHDRAW, null, reason);
    }

    private static Malformation ignoredFamily(Family family) {
        return Malformation.discard(BgpError.OPTIONAL_ATTRIBUTE_ERROR, null,
                family + " was not negotiated on this session (RFC 4760 §7)");
    }
}
