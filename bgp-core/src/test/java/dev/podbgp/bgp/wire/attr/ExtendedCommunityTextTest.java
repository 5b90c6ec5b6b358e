package dev.podbgp.bgp.wire.attr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Renderings pinned by value. The ones ExaBGP 4.2.21 prints were printed by it
 * ({@code ExtendedCommunityOracleTest} re-checks every type and subtype); the rows marked
 * "podbgp" are podbgp's choice where ExaBGP fails (docs/exabgp-compat.md).
 */
class ExtendedCommunityTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # RFC 4761 §3.2.4 Layer2 Info: encapsulation, control flags, MTU, reserved; either transitivity
            800A050105DC0001 | l2info:5:1:1500:1
            000A050105DC0001 | l2info:5:1:1500:1
            # RFC 8955 §7.3 traffic rate: Python's "%d" of the float, exact beyond 64 bits
            8006FDE8447A0000 | rate-limit:1000
            8006FA56EA010063 | rate-limit:-38988314239487615195676672
            # podbgp: ExaBGP fails on a NaN or infinite rate ("cannot convert float NaN to integer")
            800600007FC00000 | rate-limit:nan
            800600007F800000 | rate-limit:inf
            80060000FF800000 | rate-limit:-inf
            # podbgp: RFC 8955 §7.4 redirect with a 4-octet AS, on which ExaBGP recurses until Python stops it
            8208FA56EA010063 | redirect:4200000001:99
            # flowspec redirect drafts and interface-set
            010CC00002010000 | redirect-to-nexthop-ietf 192.0.2.1
            010CC00002010001 | copy-to-nexthop-ietf 192.0.2.1 (with copy)
            0800000000000001 | copy-to-nexthop
            07020000FDE8A005 | interface-set:output:65000:5
            # route-target record and consistent hash sort order (draft-ietf-bess-service-chaining)
            0013FDE800000064 | rtrecord:65000:100
            0213FA56EA010009 | rtrecord:4200000001L:9
            0314000000070000 | consistentHashSortOrder:7
            # link bandwidth: 4.2.21 has a class for it but never registers it
            4004FDE8447A0000 | ''
            """)
    void rendersAsExabgp(String hex, String text) {
        assertThat(ExtendedCommunityText.format(HexFormat.fromHexDigitsToLong(hex))).isEqualTo(text);
    }
}
