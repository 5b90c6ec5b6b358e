package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.MpUnreachNlri;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.nlri.Nlri;
import java.util.ArrayList;
import java.util.List;

/**
 * UPDATE (RFC 4271 §4.3): IPv4 withdrawals, path attributes (carrying MP_REACH/MP_UNREACH
 * for other families, RFC 4760), and IPv4 NLRI.
 *
 * @param withdrawn  IPv4 unicast prefixes in the Withdrawn Routes field
 * @param attributes the path attributes, MP_REACH_NLRI / MP_UNREACH_NLRI included
 * @param nlri       IPv4 unicast prefixes in the NLRI field
 */
public record Update(Nlri withdrawn, PathAttributes attributes, Nlri nlri) implements BgpMessage {

    public Update {
        if (!withdrawn.family().equals(Family.IPV4_UNICAST) || !nlri.family().equals(Family.IPV4_UNICAST)) {
            throw new IllegalArgumentException("the UPDATE's own NLRI fields carry IPv4 unicast only");
        }
    }

    /** RFC 4724 §2: End-of-RIB is an empty UPDATE (IPv4) or a bare empty MP_UNREACH_NLRI. */
    public static Update endOfRib(Family family) {
        Nlri none = Nlri.empty(Family.IPV4_UNICAST, false);
        if (family.equals(Family.IPV4_UNICAST)) {
            return new Update(none, PathAttributes.EMPTY, none);
        }
        return new Update(none, PathAttributes.of(new MpUnreachNlri(family, Nlri.empty(family, false))), none);
    }

    /** The family this UPDATE marks the End-of-RIB of, or {@code null}. */
    public Family endOfRibFamily() {
        if (!withdrawn.isEmpty() || !nlri.isEmpty()) {
            return null;
        }
        if (attributes.isEmpty()) {
            return Family.IPV4_UNICAST;
        }
        MpUnreachNlri mu = attributes.mpUnreach();
        return attributes.size() == 1 && mu != null && mu.withdrawn().isEmpty() ? mu.family() : null;
    }

    public boolean isEndOfRib() {
        return endOfRibFamily() != null;
    }

    @Override
    public MessageType type() {
        return MessageType.UPDATE;
    }

    @Override
    public int bodyLength(SessionCapabilities caps) {
        return 4 + withdrawn.encodedLength() + attributes.encodedLength(caps) + nlri.encodedLength();
    }

    @Override
    public void writeBody(WireWriter out, SessionCapabilities caps) {
        out.u16(withdrawn.encodedLength());
        withdrawn.writeTo(out);
        int at = out.position();
        out.u16(0);
        attributes.write(out, caps);
        out.patchU16(at, out.position() - at - 2);
        nlri.writeTo(out);
    }

    /**
     * Decodes an UPDATE body (the octets after the 19-octet header).
     *
     * <p>RFC 7606 §4: field lengths that do not add up leave no way to find the NLRI, so they
     * reset the session; so does an unparseable NLRI or Withdrawn Routes field (§5.3). Problems
     * inside the attributes are handled per attribute; treat-as-withdraw turns every announced
     * prefix of this UPDATE into a withdrawal (§2).
     */
    public static DecodeResult<Update> decodeBody(byte[] b, int off, int len, SessionCapabilities caps) {
        if (len < 4) {
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.MALFORMED_ATTRIBUTE_LIST,
                    "UPDATE body of " + len + " octets is shorter than its two length fields"));
        }
        int withdrawnLength = Bytes.u16(b, off);
        if (2 + withdrawnLength + 2 > len) {
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.MALFORMED_ATTRIBUTE_LIST,
                    "withdrawn routes length " + withdrawnLength + " overruns the UPDATE"));
        }
        int attrStart = off + 2 + withdrawnLength + 2;
        int attrLength = Bytes.u16(b, attrStart - 2);
        if (4 + withdrawnLength + attrLength > len) {
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.MALFORMED_ATTRIBUTE_LIST,
                    "total path attribute length " + attrLength + " overruns the UPDATE"));
        }
        boolean pathIds = caps.receivesPathIds(Family.IPV4_UNICAST);
        Nlri withdrawn;
        switch (Nlri.decode(Family.IPV4_UNICAST, pathIds, b, off + 2, withdrawnLength, BgpError.INVALID_NETWORK_FIELD)) {
            case DecodeResult.Ok<Nlri> ok -> withdrawn = ok.value();
            case DecodeResult.Malformed<Nlri> m -> {
                return DecodeResult.malformed(m.problem());
            }
        }
        int nlriStart = attrStart + attrLength;
        Nlri nlri;
        switch (Nlri.decode(Family.IPV4_UNICAST, pathIds, b, nlriStart, off + len - nlriStart, BgpError.INVALID_NETWORK_FIELD)) {
            case DecodeResult.Ok<Nlri> ok -> nlri = ok.value();
            case DecodeResult.Malformed<Nlri> m -> {
                return DecodeResult.malformed(m.problem());
            }
        }
        PathAttributes attributes;
        List<Malformation> repaired;
        switch (PathAttributes.decode(b, attrStart, attrLength, caps)) {
            case DecodeResult.Ok<PathAttributes> ok -> {
                attributes = ok.value();
                repaired = ok.repaired();
            }
            case DecodeResult.Malformed<PathAttributes> m -> {
                return DecodeResult.malformed(m.problem());
            }
        }
        Malformation missing = missingMandatory(attributes, nlri);
        if (missing != null) {
            repaired = append(repaired, missing);
        }
        Update update = new Update(withdrawn, attributes, nlri);
        for (Malformation m : repaired) {
            if (m.action() == ErrorAction.TREAT_AS_WITHDRAW) {
                return DecodeResult.ok(update.asWithdrawals(pathIds), repaired);
            }
        }
        return DecodeResult.ok(update, repaired);
    }

    /**
     * RFC 4271 §5 / RFC 7606 §3 d: an UPDATE that announces prefixes needs ORIGIN and AS_PATH,
     * and NEXT_HOP when the IPv4 NLRI field is used (RFC 4760 §3 makes it optional otherwise).
     */
    private static Malformation missingMandatory(PathAttributes attributes, Nlri nlri) {
        boolean announces = !nlri.isEmpty() || attributes.mpReach() != null && !attributes.mpReach().nlri().isEmpty();
        if (!announces) {
            return null;
        }
        AttributeType missing = attributes.origin() == null ? AttributeType.ORIGIN
                : attributes.asPath() == null ? AttributeType.AS_PATH
                : !nlri.isEmpty() && attributes.nextHop() == null ? AttributeType.NEXT_HOP : null;
        return missing == null ? null : Malformation.treatAsWithdraw(BgpError.MISSING_WELL_KNOWN_ATTRIBUTE,
                new byte[] {(byte) missing.code()}, "UPDATE announces prefixes without " + missing);
    }

    private static List<Malformation> append(List<Malformation> list, Malformation m) {
        List<Malformation> out = new ArrayList<>(list);
        out.add(m);
        return out;
    }

    /**
     * RFC 7606 §2 treat-as-withdraw: every prefix this UPDATE announced or withdrew is
     * withdrawn; IPv4 ones go to the Withdrawn Routes field, the others to MP_UNREACH_NLRI.
     */
    public Update asWithdrawals() {
        return asWithdrawals(withdrawn.hasPathIds() || nlri.hasPathIds());
    }

    Update asWithdrawals(boolean ipv4PathIds) {
        Nlri v4 = withdrawn.concat(nlri);
        Nlri other = null;
        MpReachNlri mr = attributes.mpReach();
        MpUnreachNlri mu = attributes.mpUnreach();
        for (Nlri n : new Nlri[] {mr == null ? null : mr.nlri(), mu == null ? null : mu.withdrawn()}) {
            if (n == null || n.isEmpty()) {
                continue;
            }
            if (n.family().equals(Family.IPV4_UNICAST) && n.hasPathIds() == ipv4PathIds) {
                v4 = v4.concat(n);
            } else {
                other = other == null ? n : other.concat(n);
            }
        }
        PathAttributes attrs = other == null ? PathAttributes.EMPTY
                : PathAttributes.of(new MpUnreachNlri(other.family(), other));
        return new Update(v4, attrs, Nlri.empty(Family.IPV4_UNICAST, ipv4PathIds));
    }

    /** IPv4 prefixes announced: the NLRI field plus an IPv4 MP_REACH_NLRI's (RFC 8950). */
    public List<Nlri> announced() {
        List<Nlri> out = new ArrayList<>(2);
        if (!nlri.isEmpty()) {
            out.add(nlri);
        }
        MpReachNlri mr = attributes.mpReach();
        if (mr != null && !mr.nlri().isEmpty()) {
            out.add(mr.nlri());
        }
        return out;
    }

    /** Prefixes withdrawn: the Withdrawn Routes field plus MP_UNREACH_NLRI's. */
    public List<Nlri> withdrawals() {
        List<Nlri> out = new ArrayList<>(2);
        if (!withdrawn.isEmpty()) {
            out.add(withdrawn);
        }
        MpUnreachNlri mu = attributes.mpUnreach();
        if (mu != null && !mu.withdrawn().isEmpty()) {
            out.add(mu.withdrawn());
        }
        return out;
    }
}
