package dev.podbgp.bgp.exabgp;

import static dev.podbgp.bgp.exabgp.UpdateHex.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.bgp.wire.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The oracle itself: pins what ExaBGP 4.2.21 prints for hand-made UPDATEs, and the pairing rules. */
class ExabgpOracleTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] BASE = concat(ORIGIN_IGP, asPath4(65001), nextHop(192, 0, 2, 1));

    private static JsonNode json(String s) throws Exception {
        return MAPPER.readTree(s);
    }

    private static OracleResult.Decoded decoded(OracleResult r) {
        assertThat(r).isInstanceOf(OracleResult.Decoded.class);
        return (OracleResult.Decoded) r;
    }

    @Test
    void rfc4271_s4_3_originAsPathNextHopNlri_decodesToExabgpJson() throws Exception {
        OracleResult r = new ExabgpOracle().decodeOne(announce(BASE, prefix4(10, 0, 0, 0, 24)));

        assertThat(decoded(r).json()).isEqualTo(json("""
                { "exabgp": "4.0.1", "type": "update",
                  "neighbor": { "address": { "local": "127.0.0.1", "peer": "127.0.0.2" },
                                "asn": { "local": 65000, "peer": 65001 }, "direction": "in",
                                "message": { "update": {
                                  "attribute": { "origin": "igp", "as-path": [ 65001 ], "confederation-path": [] },
                                  "announce": { "ipv4 unicast": { "192.0.2.1": [ { "nlri": "10.0.0.0/24" } ] } } } } } }
                """));
        assertThat(decoded(r).line()).contains("\"counter\": 1").contains("\"pid\"");
    }

    @Test
    void neighborEnvelope_copiesTheConfiguredNeighbor() {
        OracleContext ctx = OracleContext.DEFAULT.withNeighbor(
                new OracleNeighbor("10.255.0.1", "10.255.0.2", 4200000001L, 65002));
        JsonNode n = decoded(new ExabgpOracle(ctx).decodeOne(announce(BASE, prefix4(10, 0, 0, 0, 24))))
                .json().path("neighbor");

        assertThat(n.path("address").path("local").asText()).isEqualTo("10.255.0.1");
        assertThat(n.path("address").path("peer").asText()).isEqualTo("10.255.0.2");
        assertThat(n.path("asn").path("local").asLong()).isEqualTo(4200000001L);
        assertThat(n.path("asn").path("peer").asLong()).isEqualTo(65002);
        assertThat(n.path("direction").asText()).isEqualTo("in");
    }

    @Test
    void aBatchOfManyMessagesKeepsInputOrder() {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            messages.add(announce(BASE, prefix4(10, i / 256, i % 256, 0, 24)));
        }
        List<OracleResult> results = new ExabgpOracle().decode(messages);

        assertThat(results).hasSize(300);
        for (int i = 0; i < 300; i++) {
            JsonNode nlri = decoded(results.get(i)).message()
                    .at("/update/announce/ipv4 unicast/192.0.2.1/0/nlri");
            assertThat(nlri.asText()).isEqualTo("10." + i / 256 + "." + i % 256 + ".0/24");
            assertThat(results.get(i).index()).isEqualTo(i);
        }
    }

    /** ExaBGP reads the header length as (octet16 << 16) + octet17; the oracle must work around it. */
    @Test
    void messagesOf256OctetsOrMoreDoNotSwallowTheRestOfTheBatch() {
        byte[] many = new byte[0];
        for (int i = 0; i < 70; i++) {
            many = concat(many, prefix4(10, 1, i, 0, 24));
        }
        String big = announce(BASE, many);
        assertThat(big.length() / 2).isGreaterThanOrEqualTo(256);
        List<OracleResult> results = new ExabgpOracle().decode(List.of(
                announce(BASE, prefix4(10, 0, 0, 0, 24)), big, announce(BASE, prefix4(10, 0, 2, 0, 24))));

        assertThat(decoded(results.get(1)).message().at("/update/announce/ipv4 unicast/192.0.2.1").size())
                .isEqualTo(70);
        assertThat(decoded(results.get(2)).message().at("/update/announce/ipv4 unicast/192.0.2.1/0/nlri").asText())
                .isEqualTo("10.0.2.0/24");
    }

    @Test
    void aMessageExabgpCannotParseIsRefusedAndTheRestStillDecodes() {
        // LOCAL_PREF with a 1-octet value: ExaBGP 4.2.21 fails with a struct.error.
        String bad = announce(concat(BASE, hex("40 05 01 00")), prefix4(10, 0, 0, 0, 24));
        List<OracleResult> results = new ExabgpOracle().decode(List.of(
                announce(BASE, prefix4(10, 0, 1, 0, 24)), bad, announce(BASE, prefix4(10, 0, 2, 0, 24))));

        assertThat(decoded(results.get(0)).message().toString()).contains("10.0.1.0/24");
        assertThat(results.get(1)).isInstanceOf(OracleResult.Refused.class);
        assertThat(((OracleResult.Refused) results.get(1)).reason()).contains("unpack requires a buffer of 4 bytes");
        assertThat(decoded(results.get(2)).message().toString()).contains("10.0.2.0/24");
    }

    @Test
    void aBodyWithoutHeaderIsAccepted() {
        String full = announce(BASE, prefix4(10, 0, 0, 0, 24));
        OracleResult r = new ExabgpOracle().decodeOne(full.substring(38));
        assertThat(decoded(r).message().toString()).contains("10.0.0.0/24");
    }

    @Test
    void rfc4724_s2_endOfRib_ipv4IsAnEmptyUpdate_ipv6AnEmptyMpUnreach() throws Exception {
        List<OracleResult> results = new ExabgpOracle().decode(List.of(
                update(new byte[0], new byte[0], new byte[0]),
                update(new byte[0], attr(0x80, 15, hex("0002 01")), new byte[0])));

        assertThat(decoded(results.get(0)).message()).isEqualTo(json("{ \"eor\": { \"afi\": \"ipv4\", \"safi\": \"unicast\" } }"));
        assertThat(decoded(results.get(1)).message()).isEqualTo(json("{ \"eor\": { \"afi\": \"ipv6\", \"safi\": \"unicast\" } }"));
    }

    @Test
    void rfc7911_s3_pathIdentifierPrintsAsDottedQuad() throws Exception {
        String withIds = announce(BASE, concat(hex("00000007"), prefix4(10, 0, 0, 0, 24)));
        OracleContext ctx = OracleContext.DEFAULT.withAddPathReceive(OracleContext.BOTH);
        JsonNode m = decoded(new ExabgpOracle(ctx).decodeOne(withIds)).message();

        assertThat(m.at("/update/announce/ipv4 unicast/192.0.2.1/0"))
                .isEqualTo(json("{ \"nlri\": \"10.0.0.0/24\", \"path-information\": \"0.0.0.7\" }"));
    }

    @Test
    void addPathOnOneFamilyOnly_splitsTheBatchByFamily() {
        String v4WithId = announce(BASE, concat(hex("00000009"), prefix4(10, 0, 0, 0, 24)));
        // IPv6 withdraw in MP_UNREACH, no path id: 2001:db8::/32
        String v6Plain = update(new byte[0], attr(0x80, 15, hex("0002 01 20 20010db8")), new byte[0]);
        OracleContext ctx = OracleContext.DEFAULT.withAddPathReceive(Set.of(Family.IPV4_UNICAST));
        List<OracleResult> results = new ExabgpOracle(ctx).decode(List.of(v6Plain, v4WithId, v6Plain));

        assertThat(decoded(results.get(0)).message().at("/update/withdraw/ipv6 unicast/0/nlri").asText())
                .isEqualTo("2001:db8::/32");
        assertThat(decoded(results.get(1)).message()
                .at("/update/announce/ipv4 unicast/192.0.2.1/0/path-information").asText()).isEqualTo("0.0.0.9");
        assertThat(decoded(results.get(2)).message().toString()).contains("2001:db8::/32");
    }

    @Test
    void rfc6793_s4_2_3_twoOctetSession_mergesAs4PathIntoAsPath() throws Exception {
        // AS_PATH [65001 23456 65003] (2-octet) + AS4_PATH [4200000001 65003]
        byte[] attrs = concat(ORIGIN_IGP, asPath2(65001, 23456, 65003), nextHop(192, 0, 2, 1),
                attr(0xC0, 17, hex("02 02 FA56EA01 0000FDEB")));
        OracleContext ctx = OracleContext.DEFAULT.withFourOctetAs(false);
        JsonNode m = decoded(new ExabgpOracle(ctx).decodeOne(announce(attrs, prefix4(10, 0, 0, 0, 24)))).message();

        assertThat(m.at("/update/attribute/as-path")).isEqualTo(json("[ 65001, 4200000001, 65003 ]"));
    }

    @Test
    void rfc8950_ipv6NextHopForIpv4_needsTheNexthopCapability() {
        byte[] mp = attr(0x80, 14, hex("0001 01 10 20010db8000000000000000000000001 00 18 0a0000"));
        String msg = announce(concat(ORIGIN_IGP, asPath4(65001), mp), new byte[0]);

        OracleResult without = new ExabgpOracle().decodeOne(msg);
        OracleResult with = new ExabgpOracle(OracleContext.DEFAULT.withExtendedNextHop(true)).decodeOne(msg);

        assertThat(((OracleResult.Refused) without).reason()).contains("next-hop length 16 expected 4");
        assertThat(decoded(with).message().at("/update/announce/ipv4 unicast/2001:db8::1/0/nlri").asText())
                .isEqualTo("10.0.0.0/24");
    }

    @Test
    void onlyUpdatesCanBeDecoded() {
        String keepalive = "FF".repeat(16) + "001304";
        assertThatThrownBy(() -> new ExabgpOracle().decodeOne(keepalive))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
