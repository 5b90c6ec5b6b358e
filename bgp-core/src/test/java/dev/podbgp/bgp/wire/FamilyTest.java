package dev.podbgp.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AFI/SAFI names as ExaBGP 4.2.21 prints them. Each row was printed by ExaBGP's own
 * {@code AFI.unpack}/{@code SAFI.unpack} (the functions its capability and NLRI decoders call),
 * and the unknown AFI by {@code exabgp --decode} of an MP_UNREACH_NLRI for AFI 99
 * ("presented a non-negotiated family unknown-afi-0x0x63 unicast").
 */
class FamilyTest {

    @ParameterizedTest
    @CsvSource({"0, undefined", "1, ipv4", "2, ipv6", "3, unknown-afi-0x0x3", "25, l2vpn", "99, unknown-afi-0x0x63",
            "16388, bgp-ls", "16399, unknown-afi-0x0x400f", "65535, unknown-afi-0x0xffff"})
    void afiName_isExabgpsText(int afi, String name) {
        assertThat(new Family(afi, 1).afiName()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({"0, unknown safi 0", "1, unicast", "2, multicast", "3, unknown safi 3", "4, nlri-mpls",
            "5, unknown safi 5", "65, vpls", "70, evpn", "71, bgp-ls", "72, bgp-ls-vpn", "73, unknown safi 73",
            "128, mpls-vpn", "132, rtc", "133, flow", "134, flow-vpn", "255, unknown safi 255"})
    void safiName_isExabgpsText(int safi, String name) {
        assertThat(new Family(1, safi).safiName()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, ipv4 unicast", "2, 1, ipv6 unicast", "99, 7, unknown-afi-0x0x63 unknown safi 7"})
    void toString_isTheJsonKeyExabgpUses(int afi, int safi, String name) {
        assertThat(Family.of(afi, safi)).hasToString(name);
    }
}
