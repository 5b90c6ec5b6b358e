package dev.podbgp.bgp.wire.capability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden bytes for every capability: code, length and value, both directions. */
class CapabilityTest {

    static byte[] encode(Capability c) {
        WireWriter out = new WireWriter(c.encodedLength());
        c.writeTo(out);
        return out.toByteArray();
    }

    static DecodeResult<Capability> decode(String tlvHex) {
        byte[] b = Bytes.fromHex(tlvHex);
        return Capability.decode(b[0] & 0xff, b, 2, b[1] & 0xff);
    }

    static void assertGolden(Capability c, String tlvHex) {
        assertThat(Bytes.hex(encode(c))).isEqualTo(tlvHex.toUpperCase());
        assertThat(decode(tlvHex).orThrow()).isEqualTo(c);
    }

    static void assertMalformed(String tlvHex) {
        DecodeResult<Capability> r = decode(tlvHex);
        assertThat(r).isInstanceOf(DecodeResult.Malformed.class);
        var problem = ((DecodeResult.Malformed<Capability>) r).problem();
        assertThat(problem.error()).isEqualTo(BgpError.OPEN_UNSPECIFIC);
        assertThat(problem.action()).isEqualTo(ErrorAction.SESSION_RESET);
    }

    @Test
    void rfc4760_s8_multiprotocolIpv6Unicast() {
        assertGolden(new Multiprotocol(Family.IPV6_UNICAST), "010400020001");
    }

    @Test
    void rfc4760_s8_multiprotocolReservedOctetIsIgnored() {
        assertThat(decode("010400010701").orThrow()).isEqualTo(new Multiprotocol(Family.IPV4_UNICAST));
    }

    @Test
    void rfc4760_s8_multiprotocolLengthThreeIsMalformed() {
        assertMalformed("0103000100");
    }

    @Test
    void rfc2918_s2_routeRefresh() {
        assertGolden(RouteRefreshCapability.INSTANCE, "0200");
    }

    @Test
    void rfc5492_s4_routeRefreshWithValueIsAcceptedAndTheValueIgnored() {
        // FRR and ExaBGP take it; RFC 5492 §4 does not make it an error. We still send length 0.
        assertThat(decode("020100").orThrow()).isEqualTo(RouteRefreshCapability.INSTANCE);
        assertThat(decode("0203ABCDEF").orThrow()).isEqualTo(RouteRefreshCapability.INSTANCE);
    }

    @Test
    void ciscoRouteRefreshIsCode128() {
        assertGolden(CiscoRouteRefresh.INSTANCE, "8000");
        assertThat(decode("800101").orThrow()).isEqualTo(CiscoRouteRefresh.INSTANCE);
    }

    @Test
    void rfc8950_s3_extendedNextHopIpv4UnicastOverIpv6() {
        assertGolden(new ExtendedNextHop(List.of(ExtendedNextHop.Entry.of(Family.IPV4_UNICAST, Family.AFI_IPV6),
                new ExtendedNextHop.Entry(1, 128, 2))), "050C000100010002000100800002");
    }

    @Test
    void rfc8950_s3_extendedNextHopSafiIsTwoOctets() {
        var e = (ExtendedNextHop) decode("0506000101010002").orThrow();
        assertThat(e.entries().getFirst().nlriSafi()).isEqualTo(0x101);
        assertThat(e.entries().getFirst().nlriFamily()).isNull();
    }

    @Test
    void rfc8950_s3_extendedNextHopLengthNotMultipleOfSixIsMalformed() {
        assertMalformed("05040001000100");
    }

    @Test
    void rfc8654_s3_extendedMessage() {
        assertGolden(ExtendedMessage.INSTANCE, "0600");
    }

    @Test
    void rfc8654_s3_extendedMessageWithValueIsMalformed() {
        assertMalformed("060100");
    }

    @Test
    void rfc4724_s3_gracefulRestartFlagsTimeAndFamilies() {
        var gr = new GracefulRestart(GracefulRestart.RESTART_STATE | GracefulRestart.NOTIFICATION, 120,
                List.of(new GracefulRestart.Entry(Family.IPV4_UNICAST, GracefulRestart.FORWARDING_STATE),
                        new GracefulRestart.Entry(Family.IPV6_UNICAST, 0)));
        assertGolden(gr, "400AC0780001018000020100");
        assertThat(gr.restartState()).isTrue();
        assertThat(gr.notification()).isTrue();
        assertThat(gr.entries().getFirst().forwardingState()).isTrue();
        assertThat(gr.entries().getLast().forwardingState()).isFalse();
    }

    @Test
    void rfc4724_s3_gracefulRestartWithoutFamiliesIsTwoOctets() {
        assertGolden(new GracefulRestart(0, 4095, List.of()), "40020FFF");
    }

    @Test
    void rfc4724_s3_gracefulRestartLengthOneIsMalformed() {
        assertMalformed("400100");
    }

    @Test
    void rfc4724_s3_gracefulRestartPartialFamilyIsMalformed() {
        assertMalformed("40050078000101");
    }

    @Test
    void rfc6793_s3_fourOctetAs() {
        assertGolden(new FourOctetAs(4_200_000_000L), "4104FA56EA00");
    }

    @Test
    void rfc6793_s3_fourOctetAsLengthTwoIsMalformed() {
        assertMalformed("4102FDE9");
    }

    @Test
    void rfc7911_s4_addPathPerFamily() {
        var ap = new AddPath(List.of(new AddPath.Entry(Family.IPV4_UNICAST, AddPath.BOTH),
                new AddPath.Entry(Family.IPV6_UNICAST, AddPath.RECEIVE)));
        assertGolden(ap, "45080001010300020101");
        assertThat(ap.isWellFormed()).isTrue();
        assertThat(ap.entries().get(1).canReceive()).isTrue();
        assertThat(ap.entries().get(1).canSend()).isFalse();
    }

    @Test
    void rfc7911_s4_addPathValueFourIsDecodedButNotWellFormed() {
        var ap = (AddPath) decode("450400010104").orThrow();
        assertThat(ap.isWellFormed()).isFalse();
    }

    @Test
    void rfc7911_s4_addPathPartialTupleIsMalformed() {
        assertMalformed("4503000101");
    }

    @Test
    void rfc7313_s3_enhancedRouteRefresh() {
        assertGolden(EnhancedRouteRefresh.INSTANCE, "4600");
        assertThat(decode("460100").orThrow()).isEqualTo(EnhancedRouteRefresh.INSTANCE);
    }

    @Test
    void rfc9494_s3_1_longLivedGracefulRestartStaleTimeIs24Bits() {
        var llgr = new LongLivedGracefulRestart(List.of(new LongLivedGracefulRestart.Entry(Family.IPV4_UNICAST,
                LongLivedGracefulRestart.FORWARDING_STATE, 0xABCDEF)));
        assertGolden(llgr, "470700010180ABCDEF");
        assertThat(llgr.entries().getFirst().forwardingState()).isTrue();
    }

    @Test
    void rfc9494_s3_1_longLivedGracefulRestartPartialTupleIsMalformed() {
        assertMalformed("470600010180000E");
    }

    @Test
    void fqdnHostAndDomain() {
        assertGolden(new Fqdn("node1", "test"), "490B056E6F6465310474657374");
        assertGolden(new Fqdn("node1", ""), "4907056E6F64653100");
    }

    @Test
    void fqdnHostLengthOverrunningValueIsMalformed() {
        assertMalformed("4903056E6F");
    }

    @Test
    void fqdnDomainLengthNotEndingValueIsMalformed() {
        assertMalformed("490403616263");
        assertMalformed("4906016101620063");
    }

    @Test
    void fqdnThatIsNotUtf8IsKeptRawRatherThanResetTheSession() {
        assertThat(decode("490401FF0100").orThrow())
                .isEqualTo(new UnknownCapability(73, Bytes.fromHex("01FF0100")));
    }

    @Test
    void rfc5492_s3_unknownCodeIsKeptRaw() {
        assertGolden(new UnknownCapability(9, Bytes.fromHex("01")), "090101");
        assertGolden(new UnknownCapability(240, new byte[0]), "F000");
    }
}
