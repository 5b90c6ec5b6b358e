package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;

/**
 * MP_REACH_NLRI (RFC 4760 §3) for IPv4 and IPv6 unicast. The next hop is IPv4 (4 octets),
 * or IPv6 global (16) optionally followed by a link-local address (32, RFC 2545 §3); IPv4
 * NLRI may carry an IPv6 next hop (RFC 8950 §3) on a session that negotiated it (§4).
 *
 * @param linkLocalNextHop the RFC 2545 link-local next hop, or {@code null}
 */
public record MpReachNlri(Family family, IpAddress nextHop, Ipv6Address linkLocalNextHop, Nlri nlri)
        implements PathAttribute {

    public MpReachNlri {
        if (linkLocalNextHop != null && !(nextHop instanceof Ipv6Address)) {
            throw new IllegalArgumentException("a link-local next hop goes with an IPv6 global next hop");
        }
        if (!nlri.family().equals(family)) {
            throw new IllegalArgumentException(nlri.family() + " NLRI in a " + family + " MP_REACH_NLRI");
        }
    }

    /**
     * The address to forward to: the global next hop, or the link-local one when the global half of a
     * 32-octet next hop is zero. Speakers on links without global addresses send that form (BIRD on an
     * unnumbered link does); RFC 2545 §3 has no usable global address for them to put there.
     */
    public IpAddress forwardingNextHop() {
        return linkLocalNextHop != null && Ipv6Address.ANY.equals(nextHop) ? linkLocalNextHop : nextHop;
    }

    /**
     * RFC 7606 §7.11: a next-hop length that does not fit the family, or NLRI that cannot
     * be parsed, leave no way to find the prefixes, so the session is reset. A family we do
     * not route is ignored (attribute discard) rather than fatal.
     */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len, SessionCapabilities caps) {
        if (len < 5) {
            return fatal("MP_REACH_NLRI length " + len + " is shorter than its fixed fields");
        }
        Family family = Family.of(Bytes.u16(b, off), Bytes.u8(b, off + 2));
        int nhLen = Bytes.u8(b, off + 3);
        if (!family.isSupported()) {
            return DecodeResult.malformed(Malformation.discard(BgpError.OPTIONAL_ATTRIBUTE_ERROR, null,
                    "MP_REACH_NLRI for " + family + ", which podbgp does not route"));
        }
        if (5 + nhLen > len) {
            return fatal("MP_REACH_NLRI next hop length " + nhLen + " overruns the attribute");
        }
        int nh = off + 4;
        IpAddress nextHop;
        Ipv6Address linkLocal = null;
        switch (nhLen) {
            case 4 -> {
                if (family.equals(Family.IPV6_UNICAST)) {
                    return fatal("MP_REACH_NLRI ipv6 unicast with a 4-octet next hop");
                }
                nextHop = Ipv4Address.ofBytes(b, nh);
            }
            case 16, 32 -> {
                if (!family.equals(Family.IPV6_UNICAST) && !caps.extendedNextHop().contains(family)) {
                    return fatal(withoutExtendedNextHop(family, nhLen));
                }
                nextHop = Ipv6Address.ofBytes(b, nh);
                if (nhLen == 32) {
                    linkLocal = Ipv6Address.ofBytes(b, nh + 16);
                }
            }
            default -> {
                return fatal("MP_REACH_NLRI " + family + " next hop length " + nhLen + " is not 4, 16 or 32");
            }
        }
        // One reserved octet (RFC 4760 §3, formerly the SNPA count) follows the next hop.
        int nlriStart = nh + nhLen + 1;
        return switch (Nlri.decode(family, caps.receivesPathIds(family), b, nlriStart, off + len - nlriStart,
                BgpError.OPTIONAL_ATTRIBUTE_ERROR)) {
            case DecodeResult.Ok<Nlri> ok -> DecodeResult.ok(new MpReachNlri(family, nextHop, linkLocal, ok.value()));
            case DecodeResult.Malformed<Nlri> m -> DecodeResult.malformed(m.problem());
        };
    }

    /**
     * RFC 8950 §4: an IPv6 next hop for IPv4 NLRI is only allowed once the Extended Next Hop
     * capability was exchanged for that family, so without it 4 octets is the only length expected.
     * RFC 7606 §7.11 then makes the attribute malformed, and since the NLRI after an unexpected next
     * hop cannot be located reliably, the session is reset (UPDATE Message Error / Optional
     * Attribute Error, RFC 4760 §7).
     */
    private static String withoutExtendedNextHop(Family family, int nhLen) {
        return "MP_REACH_NLRI " + family + " with a " + nhLen + "-octet next hop, but extended next hop"
                + " (RFC 8950) was not negotiated for it: 4 octets expected (RFC 7606 §7.11)";
    }

    private static DecodeResult<PathAttribute> fatal(String reason) {
        return DecodeResult.malformed(Malformation.sessionReset(BgpError.OPTIONAL_ATTRIBUTE_ERROR, reason));
    }

    private int nextHopLength() {
        return nextHop instanceof Ipv4Address ? 4 : linkLocalNextHop != null ? 32 : 16;
    }

    @Override
    public int typeCode() {
        return AttributeType.MP_REACH_NLRI.code();
    }

    @Override
    public int flags() {
        return AttributeType.MP_REACH_NLRI.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return 5 + nextHopLength() + nlri.encodedLength();
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        out.u16(family.afi()).u8(family.safi()).u8(nextHopLength());
        out.bytes(nextHop.toBytes());
        if (linkLocalNextHop != null) {
            out.bytes(linkLocalNextHop.toBytes());
        }
        out.u8(0);
        nlri.writeTo(out);
    }

    /** Rendered under "announce" by the UPDATE, grouped by next hop. */
    @Override
    public void appendJson(JsonOut json) {}
}
