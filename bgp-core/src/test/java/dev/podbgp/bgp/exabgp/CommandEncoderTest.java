package dev.podbgp.bgp.exabgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.Ipv4Address;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes of the UPDATEs a command becomes (header included), hand-derived from the RFCs.
 * Each test also decodes its bytes with podbgp's own decoder, so encoder and decoder agree.
 */
class CommandEncoderTest {

    private static final String MARKER = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final Ipv4Address LOCAL = Ipv4Address.parse("10.255.0.1");
    private static final ExabgpSendDefaults EBGP = new ExabgpSendDefaults(false, 65001, LOCAL, LOCAL);
    private static final ExabgpSendDefaults IBGP = new ExabgpSendDefaults(true, 65001, LOCAL, LOCAL);
    private static final SessionCapabilities AS4 = SessionCapabilities.FOUR_OCTET_AS;

    private static List<String> encode(String command, ExabgpSendDefaults d, SessionCapabilities caps) {
        List<Update> updates = CommandEncoder.encode(Commands.parse(command), d, caps);
        return updates.stream().map(u -> {
            byte[] bytes = MessageCodec.encode(u, caps);
            DecodeResult<Update> back = Update.decodeBody(bytes, 19, bytes.length - 19, caps.withAddPath(
                    caps.addPathSend(), caps.addPathSend()));
            assertThat(back).isInstanceOf(DecodeResult.Ok.class);
            assertThat(((DecodeResult.Ok<Update>) back).repaired()).isEmpty();
            return HexFormat.of().withUpperCase().formatHex(bytes);
        }).toList();
    }

    @Test
    void rfc4271_s4_3_ipv4RouteGoesInTheNlriFieldWithNextHop() {
        // ORIGIN IGP, AS_PATH [65001], NEXT_HOP 10.255.0.1, NLRI 10.0.0.0/24
        assertThat(encode("announce route 10.0.0.0/24 next-hop self", EBGP, AS4)).containsExactly(MARKER
                + "002F02" + "0000" + "0014" + "40010100" + "40020602010000FDE9" + "4003040AFF0001" + "180A0000");
    }

    @Test
    void rfc4271_s4_3_ipv4RoutesOfOneCommandShareOneUpdate() {
        assertThat(encode("announce attributes next-hop self med 9 nlri 10.1.3.0/24 10.1.4.128/25", EBGP, AS4))
                .containsExactly(MARKER + "003B02" + "0000" + "001B" + "40010100" + "40020602010000FDE9" + "4003040AFF0001"
                        + "80040400000009" + "180A0103" + "190A010480");
    }

    @Test
    void rfc4760_s3_ipv6RouteGoesInMpReachWithASixteenOctetNextHop() {
        // MP_REACH_NLRI: AFI 2, SAFI 1, next hop length 16, fd00:255::1, reserved 0, 2001:db8:1::/48
        // RFC 7606 §5.1: the MP attribute comes first, then the rest in type order.
        assertThat(encode("announce route 2001:db8:1::/48 next-hop fd00:255::1", IBGP, AS4)).containsExactly(MARKER
                + "004402" + "0000" + "002D"
                + "800E1C" + "0002" + "01" + "10" + "FD000255000000000000000000000001" + "00" + "3020010DB80001"
                + "40010100" + "400200" + "40050400000064");
    }

    @Test
    void rfc8950_s3_ipv4RouteWithIpv6NextHopGoesInAnIpv4MpReach() {
        // Read back in a session that negotiated RFC 8950 (§4), the only one such a route may be sent in.
        assertThat(encode("announce route 10.0.0.0/24 next-hop 2001:db8::1", EBGP,
                AS4.withExtendedNextHop(Set.of(Family.IPV4_UNICAST)))).containsExactly(MARKER
                + "004002" + "0000" + "0029"
                + "800E19" + "0001" + "01" + "10" + "20010DB8000000000000000000000001" + "00" + "180A0000"
                + "40010100" + "40020602010000FDE9");
    }

    @Test
    void rfc4271_s4_3_ipv4WithdrawalHasNoAttributes() {
        assertThat(encode("withdraw route 10.0.0.0/24 next-hop 10.255.0.1 med 5", EBGP, AS4))
                .containsExactly(MARKER + "001B02" + "0004" + "180A0000" + "0000");
    }

    @Test
    void rfc4760_s4_ipv6WithdrawalIsMpUnreachAlone() {
        assertThat(encode("withdraw attributes nlri 2001:db8:10::/48 2001:db8:11::/48", IBGP, AS4)).containsExactly(MARKER
                + "002B02" + "0000" + "0014" + "800F11" + "0002" + "01" + "3020010DB80010" + "3020010DB80011");
    }

    @Test
    void rfc7911_s3_pathIdentifierPrecedesEachPrefixWhenTheSessionSendsThem() {
        SessionCapabilities addPath = AS4.withAddPath(Set.of(), Set.of(Family.IPV4_UNICAST));
        assertThat(encode("announce route 10.7.0.0/24 next-hop self path-information 2", EBGP, addPath)).containsExactly(
                MARKER + "003302" + "0000" + "0014" + "40010100" + "40020602010000FDE9" + "4003040AFF0001" + "00000002180A0700");
        assertThat(encode("withdraw route 10.7.0.0/24 path-information 1", EBGP, addPath))
                .containsExactly(MARKER + "001F02" + "0008" + "00000001180A0700" + "0000");
        assertThat(encode("announce route 10.7.0.0/24 next-hop self path-information 2", EBGP, AS4).getFirst())
                .as("no path id on a session without ADD-PATH send").endsWith("4003040AFF0001180A0700");
    }

    @Test
    void rfc6793_s4_2_2_twoOctetSessionGetsAsTransAndAs4Path() {
        SessionCapabilities as2 = SessionCapabilities.RFC4271;
        // AS_PATH [65001 23456 65003] then NEXT_HOP, then AS4_PATH [65001 4200000001 65003] (type 17)
        assertThat(encode("announce route 10.6.1.0/24 next-hop self as-path [ 65001 4200000001 65003 ]", EBGP, as2))
                .containsExactly(MARKER + "004202" + "0000" + "0027" + "40010100" + "400208" + "0203FDE95BA0FDEB"
                        + "4003040AFF0001" + "C0110E" + "02030000FDE9FA56EA010000FDEB" + "180A0601");
    }

    @Test
    void rfc4724_s2_endOfRibCommand() {
        assertThat(encode("announce eor", EBGP, AS4)).containsExactly(MARKER + "001702" + "00000000");
        assertThat(encode("announce eor ipv6 unicast", EBGP, AS4)).containsExactly(MARKER + "001D02" + "0000" + "0006"
                + "800F03" + "000201");
    }

    @Test
    void rfc4360_s3_2_ipv4AddressSpecificRouteTargetIsType01() {
        assertThat(encode("announce route 10.0.14.0/24 next-hop self extended-community [ target:192.0.2.1:7 ]", EBGP, AS4)
                .getFirst()).contains("C01008" + "0102C00002010007");
    }

    @Test
    void rfc4271_s4_routesBeyondOneMessageAreSplitAtTheSessionsMaximumSize() {
        StringBuilder sb = new StringBuilder("announce attributes next-hop self nlri");
        for (int i = 0; i < 1100; i++) {
            sb.append(" 10.").append(i / 256).append('.').append(i % 256).append(".0/24");
        }
        List<String> standard = encode(sb.toString(), EBGP, AS4);
        assertThat(standard).hasSize(2);
        assertThat(standard).allSatisfy(hex -> assertThat(hex.length() / 2).isLessThanOrEqualTo(4096));
        assertThat(standard.stream().mapToInt(hex -> (hex.length() / 2 - 19 - 4 - 20) / 4).sum()).isEqualTo(1100);
        assertThat(encode(sb.toString(), EBGP, AS4.withExtendedMessage(true))).as("RFC 8654 extended message").hasSize(1);
    }

    @Test
    void nextHopSelfThatCannotBeResolvedIsRefused() {
        assertThatThrownBy(() -> encode("announce route 2001:db8::/32 next-hop self", EBGP, AS4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IPv6 session");
    }
}
