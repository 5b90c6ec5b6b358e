package dev.podbgp.nd.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.Ipv6Address;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden bytes of RFC 4861 §4 and the receive checks of §6.1.2 and §7.1.2. */
class NdMessageTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Ipv6Address PEER = Ipv6Address.parse("fe80::a8c1:abff:fe12:3456");

    private static NdMessage.Decoded decode(String hex, int hopLimit, Ipv6Address source) {
        byte[] b = HEX.parseHex(hex);
        return NdMessage.decode(b, b.length, hopLimit, source);
    }

    @Test
    void rfc4861_s4_2_ourAdvertisement_isLifetimeZeroWithNothingElse() {
        assertThat(HEX.formatHex(RouterAdvertisement.NOT_A_DEFAULT_ROUTER.encode())).isEqualTo("86000000" + "00000000" + "00000000" + "00000000");
        assertThat(HEX.formatHex(new RouterAdvertisement(64, 0x40, 1800, 30_000, 1_000).encode()))
                .isEqualTo("86000000" + "40400708" + "00007530" + "000003e8");
    }

    @Test
    void rfc4861_s4_1_solicitation() {
        assertThat(HEX.formatHex(RouterSolicitation.INSTANCE.encode())).isEqualTo("8500000000000000");
    }

    @Test
    void rfc4861_s6_1_2_validAdvertisement_withSourceLinkLayerOption_isHeard() {
        // FRR's: hop limit 64, lifetime 1800, a source link-layer address option (type 1, 8 octets).
        var d = decode("86003a1c" + "40000708" + "00000000" + "00000000" + "0101aac1ab123456", 255, PEER);
        assertThat(d).isEqualTo(new NdMessage.Valid(new RouterAdvertisement(64, 0, 1800, 0, 0), PEER));
    }

    @Test
    void rfc4861_s6_1_2_hopLimitBelow255_isDiscarded() {
        assertThat(decode("86000000" + "00000000" + "00000000" + "00000000", 254, PEER))
                .isEqualTo(new NdMessage.Discarded("type 134 with hop limit 254, not 255"));
    }

    @Test
    void rfc4861_s6_1_2_unknownHopLimit_isDiscarded() {
        assertThat(decode("86000000" + "00000000" + "00000000" + "00000000", -1, PEER)).isInstanceOf(NdMessage.Discarded.class);
    }

    @Test
    void rfc4861_s6_1_2_nonZeroCode_isDiscarded() {
        assertThat(decode("86010000" + "00000000" + "00000000" + "00000000", 255, PEER))
                .isEqualTo(new NdMessage.Discarded("type 134 with code 1"));
    }

    @Test
    void rfc4861_s6_1_2_advertisementFromAGlobalAddress_isDiscarded() {
        assertThat(decode("86000000" + "00000000" + "00000000" + "00000000", 255, Ipv6Address.parse("2001:db8::1")))
                .isEqualTo(new NdMessage.Discarded("router advertisement from 2001:db8::1, not a link-local address (RFC 4861 §6.1.2)"));
    }

    @Test
    void rfc4861_s6_1_2_shortAdvertisement_isDiscarded() {
        assertThat(decode("86000000" + "00000000" + "00000000", 255, PEER))
                .isEqualTo(new NdMessage.Discarded("router advertisement of 12 octets, less than 16"));
    }

    @Test
    void rfc4861_s4_6_optionOfLengthZero_invalidatesTheMessage() {
        assertThat(decode("86000000" + "00000000" + "00000000" + "00000000" + "0100aac1ab123456", 255, PEER))
                .isEqualTo(new NdMessage.Discarded("router advertisement from " + PEER + ": option type 1 with length 0 (RFC 4861 §4.6)"));
    }

    @Test
    void rfc4861_s4_6_optionRunningPastTheEnd_isDiscarded() {
        assertThat(decode("86000000" + "00000000" + "00000000" + "00000000" + "0102aac1ab123456", 255, PEER))
                .isEqualTo(new NdMessage.Discarded("router advertisement from " + PEER + ": option type 1 of 16 octets runs past the message"));
    }

    @Test
    void rfc4861_s7_1_2_neighborAdvertisement_givesFlagsAndTarget() {
        String target = "fe80000000000000a8c1abfffe123456";
        assertThat(decode("88000000" + "e0000000" + target, 255, PEER))
                .isEqualTo(new NdMessage.Valid(new NeighborAdvertisement(0xe0, PEER), PEER));
        assertThat(HEX.formatHex(new NeighborAdvertisement(NeighborAdvertisement.ROUTER, PEER).encode()))
                .isEqualTo("88000000" + "80000000" + target);
    }

    @Test
    void rfc4861_s7_1_2_multicastTarget_isDiscarded() {
        assertThat(decode("88000000" + "00000000" + "ff020000000000000000000000000001", 255, PEER))
                .isEqualTo(new NdMessage.Discarded("neighbour advertisement for multicast target ff02::1 (RFC 4861 §7.1.2)"));
    }

    @Test
    void otherTypes_areNotRead() {
        assertThat(decode("80000000" + "00010001", 255, PEER)).isEqualTo(new NdMessage.Discarded("ICMPv6 type 128 is not one podbgp reads"));
    }

    @Test
    void rfc4861_s6_1_1_solicitation_isRecognised() {
        assertThat(decode("85000000" + "00000000", 255, PEER)).isEqualTo(new NdMessage.Valid(RouterSolicitation.INSTANCE, PEER));
    }
}
