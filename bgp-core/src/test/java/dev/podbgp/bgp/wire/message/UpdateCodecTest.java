package dev.podbgp.bgp.wire.message;

import static dev.podbgp.bgp.wire.UpdateBytes.AS_PATH_65001_4;
import static dev.podbgp.bgp.wire.UpdateBytes.NEXT_HOP_192_0_2_1;
import static dev.podbgp.bgp.wire.UpdateBytes.ORIGIN_IGP;
import static dev.podbgp.bgp.wire.UpdateBytes.attr;
import static dev.podbgp.bgp.wire.UpdateBytes.body;
import static dev.podbgp.bgp.wire.UpdateBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.ExtendedCommunities;
import dev.podbgp.bgp.wire.attr.LargeCommunities;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateCodecTest {

    static final SessionCapabilities AS4 = SessionCapabilities.FOUR_OCTET_AS;

    static byte[] encodeBody(Update u, SessionCapabilities caps) {
        WireWriter w = new WireWriter(u.bodyLength(caps));
        u.writeBody(w, caps);
        return w.toByteArray();
    }

    static Update decode(byte[] body, SessionCapabilities caps) {
        DecodeResult<Update> r = Update.decodeBody(body, 0, body.length, caps);
        assertThat(r).isInstanceOf(DecodeResult.Ok.class);
        assertThat(((DecodeResult.Ok<Update>) r).repaired()).isEmpty();
        return r.orThrow();
    }

    @Test
    void rfc4271_s4_3_ipv4AnnouncementGoldenBytes() {
        byte[] wire = body("", ORIGIN_IGP + AS_PATH_65001_4 + NEXT_HOP_192_0_2_1 + attr(0x80, 4, "00000005"),
                "18 0A0000");
        Update u = decode(wire, AS4);
        assertThat(u.attributes().origin()).isEqualTo(Origin.IGP);
        assertThat(u.attributes().asPath()).isEqualTo(AsPath.ofSequence(65001));
        assertThat(u.attributes().nextHop()).isEqualTo(new NextHop(Ipv4Address.parse("192.0.2.1")));
        assertThat(u.attributes().med()).isEqualTo(new MultiExitDisc(5));
        assertThat(u.nlri().prefixes()).containsExactly(Prefix.parse("10.0.0.0/24"));
        assertThat(hex(encodeBody(u, AS4))).isEqualTo(hex(wire));
    }

    @Test
    void rfc4271_s4_3_twoOctetAsPathOnOldSession() {
        byte[] wire = body("", ORIGIN_IGP + attr(0x40, 2, "02 02 FDE9 FDEA") + NEXT_HOP_192_0_2_1, "10 0A00");
        Update u = decode(wire, SessionCapabilities.RFC4271);
        assertThat(u.attributes().asPath()).isEqualTo(AsPath.ofSequence(65001, 65002));
        assertThat(u.nlri().prefixes()).containsExactly(Prefix.parse("10.0.0.0/16"));
        assertThat(hex(encodeBody(u, SessionCapabilities.RFC4271))).isEqualTo(hex(wire));
    }

    @Test
    void rfc4271_s4_3_withdrawnRoutesOnly() {
        byte[] wire = body("18 0A0001 20 C0000201 00", "", "");
        Update u = decode(wire, AS4);
        assertThat(u.withdrawn().prefixes()).containsExactly(Prefix.parse("10.0.1.0/24"),
                Prefix.parse("192.0.2.1/32"), Prefix.parse("0.0.0.0/0"));
        assertThat(u.isEndOfRib()).isFalse();
        assertThat(hex(encodeBody(u, AS4))).isEqualTo(hex(wire));
    }

    @Test
    void rfc4271_s4_3_trailingHostBitsInNlriAreIgnored() {
        // "10.0.0.255/24" padded: only the first three octets are sent, so set bits inside
        // the last octet beyond the length must be masked (here a /23 with its 24th bit set).
        Update u = decode(body("", ORIGIN_IGP + AS_PATH_65001_4 + NEXT_HOP_192_0_2_1, "17 0A0001"), AS4);
        assertThat(u.nlri().prefixes()).containsExactly(Prefix.parse("10.0.0.0/23"));
    }

    @Test
    void rfc4724_s2_endOfRibIpv4IsAnEmptyUpdate() {
        Update eor = Update.endOfRib(Family.IPV4_UNICAST);
        assertThat(hex(encodeBody(eor, AS4))).isEqualTo("00000000");
        assertThat(decode(new byte[4], AS4).endOfRibFamily()).isEqualTo(Family.IPV4_UNICAST);
    }

    @Test
    void rfc4724_s2_endOfRibIpv6IsABareMpUnreach() {
        Update eor = Update.endOfRib(Family.IPV6_UNICAST);
        assertThat(hex(encodeBody(eor, AS4))).isEqualTo("0000" + "0006" + "800F03000201");
        assertThat(decode(encodeBody(eor, AS4), AS4).endOfRibFamily()).isEqualTo(Family.IPV6_UNICAST);
    }

    @Test
    void rfc4760_s3_ipv6MpReachWithGlobalAndLinkLocalNextHop() {
        String mp = attr(0x80, 14, "0002 01 20 20010DB8000000000000000000000001 FE800000000000000000000000000001 00"
                + "40 20010DB800010000");
        byte[] wire = body("", mp + ORIGIN_IGP + AS_PATH_65001_4, "");
        Update u = decode(wire, AS4);
        MpReachNlri reach = u.attributes().mpReach();
        assertThat(reach.family()).isEqualTo(Family.IPV6_UNICAST);
        assertThat(reach.nextHop()).isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(reach.linkLocalNextHop()).isEqualTo(Ipv6Address.parse("fe80::1"));
        assertThat(reach.nlri().prefixes()).containsExactly(Prefix.parse("2001:db8:1::/64"));
        assertThat(u.announced()).containsExactly(reach.nlri());
        assertThat(hex(encodeBody(u, AS4))).isEqualTo(hex(wire));
    }

    @Test
    void rfc8950_s3_ipv4NlriWithIpv6NextHop() {
        String mp = attr(0x80, 14, "0001 01 10 20010DB8000000000000000000000001 00 18 0AF001");
        Update u = decode(body("", mp + ORIGIN_IGP + AS_PATH_65001_4, ""),
                AS4.withExtendedNextHop(Set.of(Family.IPV4_UNICAST)));
        assertThat(u.attributes().mpReach().nextHop()).isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(u.attributes().mpReach().nlri().prefixes()).containsExactly(Prefix.parse("10.240.1.0/24"));
    }

    @Test
    void rfc7606_s5_1_mpAttributeIsWrittenFirst() {
        Nlri v6 = Nlri.of(Family.IPV6_UNICAST, Prefix.parse("2001:db8:1::/64"));
        PathAttributes attrs = PathAttributes.of(Origin.IGP, AsPath.ofSequence(65001),
                new MpReachNlri(Family.IPV6_UNICAST, IpAddress.parse("2001:db8::1"), null, v6),
                LargeCommunities.of(65000, 1, 2), ExtendedCommunities.of(0x0002FDE800000064L));
        Nlri none = Nlri.empty(Family.IPV4_UNICAST, false);
        byte[] wire = encodeBody(new Update(none, attrs, none), AS4);
        assertThat(wire[4] & 0xff).isEqualTo(0x80);
        assertThat(wire[5] & 0xff).as("first attribute type").isEqualTo(14);
        // The rest follow in type-code order: 1, 2, 16, 32.
        assertThat(decode(wire, AS4).attributes()).isEqualTo(attrs);
    }

    @Test
    void rfc7911_s3_pathIdentifiersWhereNegotiated() {
        SessionCapabilities addPath = AS4.withAddPath(Set.of(Family.IPV4_UNICAST), Set.of(Family.IPV4_UNICAST));
        byte[] wire = body("00000007 18 0A0001", ORIGIN_IGP + AS_PATH_65001_4 + NEXT_HOP_192_0_2_1,
                "00000001 18 0A0000 00000002 18 0A0000");
        Update u = decode(wire, addPath);
        assertThat(u.withdrawn().entries()).containsExactly(new NlriEntry(7, Prefix.parse("10.0.1.0/24")));
        assertThat(u.nlri().entries()).containsExactly(new NlriEntry(1, Prefix.parse("10.0.0.0/24")),
                new NlriEntry(2, Prefix.parse("10.0.0.0/24")));
        assertThat(hex(encodeBody(u, addPath))).isEqualTo(hex(wire));
    }

    @Test
    void extendedLengthFlagOnlyWhenTheValueExceeds255Octets() {
        int[] many = new int[64]; // 256 octets
        for (int i = 0; i < many.length; i++) {
            many[i] = Communities.community(65000, i);
        }
        Nlri none = Nlri.empty(Family.IPV4_UNICAST, false);
        byte[] big = encodeBody(new Update(none, PathAttributes.of(new Communities(many)), none), AS4);
        assertThat(big[4] & 0xff).isEqualTo(0xD0); // optional, transitive, extended length
        assertThat(big.length).isEqualTo(4 + 4 + 256);
        byte[] small = encodeBody(new Update(none, PathAttributes.of(Communities.of(1)), none), AS4);
        assertThat(small[4] & 0xff).isEqualTo(0xC0);
        assertThat(decode(big, AS4).attributes().communities().size()).isEqualTo(64);
    }

    @Test
    void receivedExtendedLengthOnShortValueIsAccepted() {
        // RFC 4271 §4.3 lets a sender set the extended-length bit on any attribute.
        Update u = decode(body("", attr(0x50, 1, "00") + AS_PATH_65001_4 + NEXT_HOP_192_0_2_1, "08 0A"), AS4);
        assertThat(u.attributes().origin()).isEqualTo(Origin.IGP);
    }

    @Test
    void announcedAndWithdrawalsListBothFamilies() {
        Update u = decode(body("18 0A0001", "", ""), AS4);
        assertThat(u.withdrawals()).hasSize(1);
        assertThat(u.announced()).isEmpty();
        assertThat(List.of(u.withdrawn().count())).containsExactly(1);
    }
}
