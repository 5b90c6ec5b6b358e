package dev.podbgp.bgp.wire.message;

import static dev.podbgp.bgp.wire.UpdateBytes.AS_PATH_65001_4;
import static dev.podbgp.bgp.wire.UpdateBytes.NEXT_HOP_192_0_2_1;
import static dev.podbgp.bgp.wire.UpdateBytes.ORIGIN_IGP;
import static dev.podbgp.bgp.wire.UpdateBytes.attr;
import static dev.podbgp.bgp.wire.UpdateBytes.body;
import static dev.podbgp.bgp.wire.UpdateBytes.bytes;
import static dev.podbgp.bgp.wire.UpdateBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One test per error case of RFC 4271 §6.3 as revised by RFC 7606: the NOTIFICATION the
 * problem names, and what happens to the UPDATE's prefixes.
 */
class UpdateErrorHandlingTest {

    static final SessionCapabilities AS4 = SessionCapabilities.FOUR_OCTET_AS;
    /** Announces 10.0.0.0/24 and withdraws 10.0.1.0/24, so treat-as-withdraw is visible. */
    static final String WITHDRAWN = "18 0A0001";
    static final String NLRI = "18 0A0000";

    static Malformation resetOf(byte[] body) {
        DecodeResult<Update> r = Update.decodeBody(body, 0, body.length, AS4);
        assertThat(r).isInstanceOf(DecodeResult.Malformed.class);
        Malformation m = ((DecodeResult.Malformed<Update>) r).problem();
        assertThat(m.action()).isEqualTo(ErrorAction.SESSION_RESET);
        return m;
    }

    static DecodeResult.Ok<Update> repairedOf(byte[] body) {
        DecodeResult<Update> r = Update.decodeBody(body, 0, body.length, AS4);
        assertThat(r).isInstanceOf(DecodeResult.Ok.class);
        DecodeResult.Ok<Update> ok = (DecodeResult.Ok<Update>) r;
        assertThat(ok.repaired()).isNotEmpty();
        return ok;
    }

    /** Asserts treat-as-withdraw: both prefixes are withdrawn, nothing announced, no attributes. */
    static Malformation assertTreatAsWithdraw(String attributes, BgpError expected) {
        DecodeResult.Ok<Update> ok = repairedOf(body(WITHDRAWN, attributes, NLRI));
        Update u = ok.value();
        assertThat(u.nlri().isEmpty()).isTrue();
        assertThat(u.attributes().isEmpty()).isTrue();
        assertThat(u.withdrawn().prefixes()).containsExactly(Prefix.parse("10.0.1.0/24"), Prefix.parse("10.0.0.0/24"));
        Malformation m = ok.repaired().getFirst();
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.error()).isEqualTo(expected);
        return m;
    }

    /** Asserts attribute discard: the route stays announced, the attribute is gone. */
    static void assertDiscarded(String badAttribute, int type, BgpError expected) {
        DecodeResult.Ok<Update> ok = repairedOf(body("", ORIGIN_IGP + AS_PATH_65001_4 + NEXT_HOP_192_0_2_1 + badAttribute, NLRI));
        assertThat(ok.value().nlri().prefixes()).containsExactly(Prefix.parse("10.0.0.0/24"));
        assertThat(ok.value().attributes().has(type)).isFalse();
        assertThat(ok.repaired().getFirst().action()).isEqualTo(ErrorAction.ATTRIBUTE_DISCARD);
        assertThat(ok.repaired().getFirst().error()).isEqualTo(expected);
    }

    static final String GOOD = ORIGIN_IGP + AS_PATH_65001_4 + NEXT_HOP_192_0_2_1;

    @Test
    void rfc7606_s7_1_originLengthTwoIsTreatAsWithdraw() {
        Malformation m = assertTreatAsWithdraw(attr(0x40, 1, "0000") + AS_PATH_65001_4 + NEXT_HOP_192_0_2_1,
                BgpError.ATTRIBUTE_LENGTH_ERROR);
        // RFC 4271 §6.3: the data is the erroneous attribute (flags, type, length, value).
        assertThat(hex(m.data())).isEqualTo("4001020000");
    }

    @Test
    void rfc7606_s7_1_undefinedOriginValueIsTreatAsWithdraw() {
        assertTreatAsWithdraw(attr(0x40, 1, "03") + AS_PATH_65001_4 + NEXT_HOP_192_0_2_1, BgpError.INVALID_ORIGIN_ATTRIBUTE);
    }

    @Test
    void rfc7606_s7_2_asPathZeroLengthSegmentIsTreatAsWithdraw() {
        assertTreatAsWithdraw(ORIGIN_IGP + attr(0x40, 2, "0200") + NEXT_HOP_192_0_2_1, BgpError.MALFORMED_AS_PATH);
    }

    @Test
    void rfc7606_s7_2_asPathSegmentOverrunIsTreatAsWithdraw() {
        assertTreatAsWithdraw(ORIGIN_IGP + attr(0x40, 2, "0202 0000FDE9") + NEXT_HOP_192_0_2_1, BgpError.MALFORMED_AS_PATH);
    }

    @Test
    void rfc7606_s7_2_asPathLoneTrailingOctetIsTreatAsWithdraw() {
        assertTreatAsWithdraw(ORIGIN_IGP + attr(0x40, 2, "0201 0000FDE9 02") + NEXT_HOP_192_0_2_1, BgpError.MALFORMED_AS_PATH);
    }

    @Test
    void rfc7606_s7_2_asPathUnknownSegmentTypeIsTreatAsWithdraw() {
        assertTreatAsWithdraw(ORIGIN_IGP + attr(0x40, 2, "0501 0000FDE9") + NEXT_HOP_192_0_2_1, BgpError.MALFORMED_AS_PATH);
    }

    @Test
    void rfc7606_s7_3_nextHopLengthFiveIsTreatAsWithdraw() {
        assertTreatAsWithdraw(ORIGIN_IGP + AS_PATH_65001_4 + attr(0x40, 3, "C000020100"), BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc7606_s7_4_medLengthThreeIsTreatAsWithdraw() {
        assertTreatAsWithdraw(GOOD + attr(0x80, 4, "000005"), BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc7606_s7_5_localPrefLengthTwoIsTreatAsWithdraw() {
        assertTreatAsWithdraw(GOOD + attr(0x40, 5, "0064"), BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc7606_s7_6_atomicAggregateWithAValueIsDiscarded() {
        assertDiscarded(attr(0x40, 6, "01"), 6, BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc7606_s7_7_aggregatorLengthSevenIsDiscarded() {
        assertDiscarded(attr(0xC0, 7, "0000FDE9C00002"), 7, BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc7606_s7_8_communitiesLengthFiveIsTreatAsWithdraw() {
        assertTreatAsWithdraw(GOOD + attr(0xC0, 8, "FDE8000101"), BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc7606_s7_8_emptyCommunitiesIsTreatAsWithdraw() {
        assertTreatAsWithdraw(GOOD + attr(0xC0, 8, ""), BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc7606_s7_9_originatorIdLengthThreeIsTreatAsWithdraw() {
        assertTreatAsWithdraw(GOOD + attr(0x80, 9, "C00002"), BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc7606_s7_10_clusterListLengthSixIsTreatAsWithdraw() {
        assertTreatAsWithdraw(GOOD + attr(0x80, 10, "C0000201 0000"), BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc7606_s7_11_mpReachNextHopLengthFiveIsSessionReset() {
        Malformation m = resetOf(body("", attr(0x80, 14, "0002 01 05 0102030405 00 40 20010DB800010000") + GOOD, ""));
        assertThat(m.error()).isEqualTo(BgpError.OPTIONAL_ATTRIBUTE_ERROR);
    }

    /** IPv4 unicast 10.0.0.0/24 over 2001:db8::1, and with fe80::1 as well (RFC 8950 §3). */
    static final String V4_OVER_V6 = "0001 01 10 20010DB8000000000000000000000001 00 18 0A0000";
    static final String V4_OVER_V6_LINK_LOCAL = "0001 01 20 20010DB8000000000000000000000001"
            + " FE800000000000000000000000000001 00 18 0A0000";

    @Test
    void rfc7606_s7_11_rfc8950_s4_ipv6NextHopForIpv4WithoutExtendedNextHopIsSessionReset() {
        for (String mp : List.of(V4_OVER_V6, V4_OVER_V6_LINK_LOCAL)) {
            Malformation m = resetOf(body("", attr(0x80, 14, mp) + ORIGIN_IGP + AS_PATH_65001_4, ""));
            assertThat(m.error()).isEqualTo(BgpError.OPTIONAL_ATTRIBUTE_ERROR);
            assertThat(m.reason()).contains("not negotiated");
        }
    }

    @Test
    void rfc8950_s4_ipv6NextHopForIpv4IsReadOnceNegotiated() {
        SessionCapabilities enh = AS4.withExtendedNextHop(Set.of(Family.IPV4_UNICAST));
        for (String mp : List.of(V4_OVER_V6, V4_OVER_V6_LINK_LOCAL)) {
            byte[] wire = body("", attr(0x80, 14, mp) + ORIGIN_IGP + AS_PATH_65001_4, "");
            DecodeResult<Update> r = Update.decodeBody(wire, 0, wire.length, enh);
            assertThat(r).isInstanceOf(DecodeResult.Ok.class);
            Update u = ((DecodeResult.Ok<Update>) r).value();
            assertThat(u.attributes().mpReach().nextHop()).hasToString("2001:db8::1");
            assertThat(u.attributes().mpReach().nlri().prefixes()).containsExactly(Prefix.parse("10.0.0.0/24"));
        }
    }

    @Test
    void rfc7606_s7_11_extendedNextHopForIpv4DoesNotAllowAFourOctetIpv6NextHop() {
        // Negotiating RFC 8950 for IPv4 changes nothing for IPv6 NLRI: 4 octets stays inconsistent there.
        byte[] wire = body("", attr(0x80, 14, "0002 01 04 C0000201 00 40 20010DB800010000") + GOOD, "");
        DecodeResult<Update> r = Update.decodeBody(wire, 0, wire.length,
                AS4.withExtendedNextHop(Set.of(Family.IPV4_UNICAST)));
        assertThat(((DecodeResult.Malformed<Update>) r).problem().action()).isEqualTo(ErrorAction.SESSION_RESET);
    }

    @Test
    void rfc7606_s7_11_mpReachUnparseableNlriIsSessionReset() {
        resetOf(body("", attr(0x80, 14, "0002 01 10 20010DB8000000000000000000000001 00 81 20010DB8") + GOOD, ""));
    }

    @Test
    void rfc7606_s7_11_mpUnreachUnparseableNlriIsSessionReset() {
        resetOf(body("", attr(0x80, 15, "0002 01 40 2001"), ""));
    }

    @Test
    void rfc4760_s7_unsupportedFamilyIsIgnoredNotFatal() {
        // L2VPN EVPN (25/70): not a family podbgp routes; the rest of the UPDATE stands.
        DecodeResult.Ok<Update> ok = repairedOf(body("", attr(0x80, 14, "0019 46 04 C0000201 00 0102") + GOOD, NLRI));
        assertThat(ok.value().nlri().prefixes()).containsExactly(Prefix.parse("10.0.0.0/24"));
        assertThat(ok.value().attributes().mpReach()).isNull();
    }

    @Test
    void rfc7606_s7_14_extendedCommunitiesLengthTwelveIsTreatAsWithdraw() {
        assertTreatAsWithdraw(GOOD + attr(0xC0, 16, "0002FDE800000064 00000000"), BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc8092_s6_largeCommunityLengthThirteenIsTreatAsWithdraw() {
        assertTreatAsWithdraw(GOOD + attr(0xC0, 32, "0000FDE8 00000001 00000002 00"), BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc7606_s3_c_originSentAsOptionalIsTreatAsWithdraw() {
        assertTreatAsWithdraw(attr(0xC0, 1, "00") + AS_PATH_65001_4 + NEXT_HOP_192_0_2_1, BgpError.ATTRIBUTE_FLAGS_ERROR);
    }

    @Test
    void rfc7606_s3_c_aggregatorSentAsWellKnownIsDiscarded() {
        assertDiscarded(attr(0x40, 7, "0000FDE9C0000201"), 7, BgpError.ATTRIBUTE_FLAGS_ERROR);
    }

    /** An IPv6 MP_REACH_NLRI announcing 2001:db8:1::/64, flags and all. */
    static String mpReach(int flags) {
        return attr(flags, 14, "0002 01 10 20010DB8000000000000000000000001 00 40 20010DB800010000");
    }

    @Test
    void rfc7606_s3_c_mpReachWithTransitiveSetIsTreatAsWithdrawOfItsPrefixes() {
        DecodeResult.Ok<Update> ok = repairedOf(body(WITHDRAWN, mpReach(0xC0) + GOOD, NLRI));
        Update u = ok.value();
        assertThat(u.nlri().isEmpty()).isTrue();
        assertThat(u.withdrawn().prefixes()).containsExactly(Prefix.parse("10.0.1.0/24"), Prefix.parse("10.0.0.0/24"));
        assertThat(u.attributes().mpReach()).isNull();
        assertThat(u.attributes().mpUnreach().withdrawn().prefixes()).containsExactly(Prefix.parse("2001:db8:1::/64"));
        Malformation m = ok.repaired().getFirst();
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.error()).isEqualTo(BgpError.ATTRIBUTE_FLAGS_ERROR);
        // RFC 4271 §6.3: the data is the attribute as received, wrong flags included.
        assertThat(hex(m.data())).startsWith("C00E");
    }

    @Test
    void rfc7606_s3_c_mpReachWithOptionalClearIsTreatAsWithdrawOfItsPrefixes() {
        DecodeResult.Ok<Update> ok = repairedOf(body("", mpReach(0x00) + GOOD, ""));
        assertThat(ok.value().attributes().mpUnreach().withdrawn().prefixes())
                .containsExactly(Prefix.parse("2001:db8:1::/64"));
        assertThat(ok.repaired().getFirst().action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
    }

    @Test
    void rfc7606_s3_c_mpUnreachWithTransitiveSetStillWithdrawsItsPrefixes() {
        DecodeResult.Ok<Update> ok = repairedOf(body("", attr(0xC0, 15, "0002 01 40 20010DB800010000"), ""));
        assertThat(ok.value().attributes().mpUnreach().withdrawn().prefixes())
                .containsExactly(Prefix.parse("2001:db8:1::/64"));
        assertThat(ok.repaired().getFirst().error()).isEqualTo(BgpError.ATTRIBUTE_FLAGS_ERROR);
    }

    @Test
    void rfc7606_s3_j_mpReachWithWrongFlagsAndAnUnparseableValueIsSessionReset() {
        // Treat-as-withdraw needs the prefixes located; a next hop of five octets leaves them lost.
        resetOf(body("", attr(0x40, 14, "0002 01 05 0102030405 00 40 20010DB8") + GOOD, ""));
    }

    @Test
    void rfc7606_s3_c_wrongFlagsOnOtherAttributesKeepTheirOwnAction() {
        assertThat(AttributeType.ORIGIN.onBadFlags()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(AttributeType.AGGREGATOR.onBadFlags()).isEqualTo(ErrorAction.ATTRIBUTE_DISCARD);
        assertThat(AttributeType.MP_REACH_NLRI.onMalformed()).isEqualTo(ErrorAction.SESSION_RESET);
        assertThat(AttributeType.MP_REACH_NLRI.onBadFlags()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
    }

    @Test
    void rfc7606_s3_d_missingOriginIsTreatAsWithdraw() {
        assertTreatAsWithdraw(AS_PATH_65001_4 + NEXT_HOP_192_0_2_1, BgpError.MISSING_WELL_KNOWN_ATTRIBUTE);
    }

    @Test
    void rfc7606_s3_d_missingNextHopWithIpv4NlriIsTreatAsWithdraw() {
        Malformation m = assertTreatAsWithdraw(ORIGIN_IGP + AS_PATH_65001_4, BgpError.MISSING_WELL_KNOWN_ATTRIBUTE);
        assertThat(hex(m.data())).isEqualTo("03"); // RFC 4271 §6.3: the missing type code
    }

    @Test
    void rfc7606_s3_d_attributesWithoutPrefixesAreNotAnError() {
        byte[] wire = body("", ORIGIN_IGP, "");
        DecodeResult<Update> r = Update.decodeBody(wire, 0, wire.length, AS4);
        assertThat(((DecodeResult.Ok<Update>) r).repaired()).isEmpty();
    }

    @Test
    void rfc7606_s3_g_repeatedMpReachIsSessionReset() {
        String mp = attr(0x80, 14, "0002 01 10 20010DB8000000000000000000000001 00 40 20010DB800010000");
        Malformation m = resetOf(body("", mp + GOOD + mp, ""));
        assertThat(m.error()).isEqualTo(BgpError.MALFORMED_ATTRIBUTE_LIST);
    }

    @Test
    void rfc7606_s3_g_repeatedOriginKeepsTheFirst() {
        DecodeResult.Ok<Update> ok = repairedOf(body("", GOOD + attr(0x40, 1, "02"), NLRI));
        assertThat(ok.value().attributes().origin().text()).isEqualTo("igp");
        assertThat(ok.value().nlri().count()).isEqualTo(1);
        assertThat(ok.repaired().getFirst().action()).isEqualTo(ErrorAction.ATTRIBUTE_DISCARD);
    }

    @Test
    void rfc7606_s3_j_strongestActionWins() {
        // A discard (bad AGGREGATOR) and a treat-as-withdraw (bad MED) in one UPDATE.
        DecodeResult.Ok<Update> ok = repairedOf(body(WITHDRAWN, GOOD + attr(0x80, 4, "05") + attr(0xC0, 7, "00"), NLRI));
        assertThat(ok.repaired()).extracting(Malformation::action)
                .containsExactly(ErrorAction.TREAT_AS_WITHDRAW, ErrorAction.ATTRIBUTE_DISCARD);
        assertThat(ok.value().nlri().isEmpty()).isTrue();
        assertThat(ok.value().withdrawn().count()).isEqualTo(2);
    }

    @Test
    void rfc7606_s4_attributeOverrunningTheSectionIsTreatAsWithdraw() {
        // MED claims 9 octets; the total path attribute length still locates the NLRI.
        String attrs = GOOD + "800409" + "00000005";
        assertTreatAsWithdraw(attrs, BgpError.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void rfc7606_s4_sectionEndingInsideAHeaderIsTreatAsWithdraw() {
        assertTreatAsWithdraw(GOOD + "8004", BgpError.MALFORMED_ATTRIBUTE_LIST);
    }

    @Test
    void rfc7606_s4_withdrawnLengthOverrunningTheMessageIsSessionReset() {
        assertThat(resetOf(bytes("0009 0A00 0000")).error()).isEqualTo(BgpError.MALFORMED_ATTRIBUTE_LIST);
    }

    @Test
    void rfc7606_s4_totalAttributeLengthOverrunningTheMessageIsSessionReset() {
        assertThat(resetOf(bytes("0000 0010 40010100")).error()).isEqualTo(BgpError.MALFORMED_ATTRIBUTE_LIST);
    }

    @Test
    void rfc4271_s6_3_bodyShorterThanLengthFieldsIsSessionReset() {
        resetOf(bytes("000000"));
    }

    @Test
    void rfc7606_s5_3_nlriPrefixLongerThan32IsSessionReset() {
        Malformation m = resetOf(body("", GOOD, "21 0A000000 00"));
        assertThat(m.error()).isEqualTo(BgpError.INVALID_NETWORK_FIELD);
    }

    @Test
    void rfc7606_s5_3_withdrawnEntryRunningPastItsFieldIsSessionReset() {
        assertThat(resetOf(body("18 0A00", "", "")).error()).isEqualTo(BgpError.INVALID_NETWORK_FIELD);
    }

    @Test
    void rfc4271_s6_3_unrecognizedWellKnownAttributeIsSessionReset() {
        Malformation m = resetOf(body("", GOOD + attr(0x40, 99, "01"), NLRI));
        assertThat(m.error()).isEqualTo(BgpError.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE);
        assertThat(hex(m.data())).isEqualTo("40630101");
    }

    @Test
    void rfc4271_s5_unknownOptionalTransitiveIsKeptAndPassedOnAsPartial() {
        byte[] wire = body("", GOOD + attr(0xC0, 99, "AB"), NLRI);
        Update u = Update.decodeBody(wire, 0, wire.length, AS4).orThrow();
        var unknown = (dev.podbgp.bgp.wire.attr.UnknownAttribute) u.attributes().get(99);
        assertThat(unknown.flags()).isEqualTo(0xC0);
        assertThat(unknown.forPropagation().flags()).isEqualTo(0xE0);
        assertThat(new dev.podbgp.bgp.wire.attr.UnknownAttribute(0x80, 98, new byte[1]).forPropagation()).isNull();
    }

    @Test
    void treatAsWithdrawMovesMpReachPrefixesToMpUnreach() {
        String mp = attr(0x80, 14, "0002 01 10 20010DB8000000000000000000000001 00 40 20010DB800010000");
        DecodeResult.Ok<Update> ok = repairedOf(body("", mp + GOOD + attr(0x80, 4, "05"), ""));
        Update u = ok.value();
        assertThat(u.attributes().mpReach()).isNull();
        assertThat(u.attributes().mpUnreach().family()).isEqualTo(Family.IPV6_UNICAST);
        assertThat(u.attributes().mpUnreach().withdrawn().prefixes()).containsExactly(Prefix.parse("2001:db8:1::/64"));
        assertThat(u.isEndOfRib()).isFalse();
        assertThat(List.of(u.withdrawals().size())).containsExactly(1);
    }
}
