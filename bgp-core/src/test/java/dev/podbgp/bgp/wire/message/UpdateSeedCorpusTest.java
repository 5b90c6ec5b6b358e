package dev.podbgp.bgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.FuzzedCapabilities;
import dev.podbgp.bgp.wire.attr.AsPathSegment;
import dev.podbgp.inet.Ipv6Address;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The fuzz seeds are only worth their place if they reach deep into the decoder: each one
 * decodes to what scripts/make-fuzz-seeds.py built (the same bytes `exabgp --decode` reads).
 */
class UpdateSeedCorpusTest {

    private static DecodeResult.Ok<Update> decode(String seed) throws IOException {
        byte[] input;
        try (InputStream in = UpdateSeedCorpusTest.class.getResourceAsStream("UpdateFuzzTestInputs/updateMessage/" + seed)) {
            assertThat(in).as(seed).isNotNull();
            input = in.readAllBytes();
        }
        byte[] message = Arrays.copyOfRange(input, 1, input.length);
        DecodeResult<Update> result = Update.decodeBody(message, 19, message.length - 19, FuzzedCapabilities.of(input[0]));
        assertThat(result).as(seed).isInstanceOf(DecodeResult.Ok.class);
        return (DecodeResult.Ok<Update>) result;
    }

    private static Update clean(String seed) throws IOException {
        DecodeResult.Ok<Update> ok = decode(seed);
        assertThat(ok.repaired()).as(seed).isEmpty();
        return ok.value();
    }

    @Test
    void everyAnnouncementSeedDecodesCleanly() throws IOException {
        assertThat(clean("ipv4-next-hop").nlri().count()).isEqualTo(4);
        assertThat(clean("ipv4-next-hop-2-octet-as").attributes().asPath().firstAs()).isEqualTo(65001);
        assertThat(clean("ipv6-mp-reach-global").attributes().mpReach().nlri().count()).isEqualTo(1);
        assertThat(clean("ipv4-mp-reach-ipv6-next-hop").attributes().mpReach().family()).isEqualTo(Family.IPV4_UNICAST);
        assertThat(clean("communities").attributes().communities()).isNotNull();
        assertThat(clean("communities").attributes().largeCommunities()).isNotNull();
        assertThat(clean("route-reflector").attributes().clusterList()).isNotNull();
        assertThat(clean("as-set-confed-unknown-attribute").attributes().asPath().segments())
                .extracting(AsPathSegment::type)
                .containsExactly(AsPathSegment.Type.AS_CONFED_SEQUENCE, AsPathSegment.Type.AS_SEQUENCE, AsPathSegment.Type.AS_SET);
        assertThat(clean("mixed-long-path").attributes().asPath().length()).isEqualTo(300);
    }

    @Test
    void rfc2545_s3_linkLocalNextHopSeed() throws IOException {
        assertThat(clean("ipv6-mp-reach-link-local").attributes().mpReach().linkLocalNextHop())
                .isEqualTo(new Ipv6Address(0xfe80_0000_0000_0000L, 1));
    }

    @Test
    void rfc6793_s4_2_3_as4PathSeedIsMerged() throws IOException {
        assertThat(clean("as4-path-on-2-octet-session").attributes().asPath().toString())
                .isEqualTo("65001 4200000001 4200000002");
        assertThat(clean("as4-path-on-2-octet-session").attributes().aggregator().asn()).isEqualTo(4200000002L);
    }

    @Test
    void rfc7911_addPathSeedsCarryPathIds() throws IOException {
        assertThat(clean("add-path-ipv4").nlri().entries()).extracting(e -> e.pathId()).containsExactly(1L, 2L);
        assertThat(clean("add-path-ipv6").attributes().mpReach().nlri().entries()).extracting(e -> e.pathId()).containsExactly(1L, 2L);
    }

    @Test
    void rfc4724_s2_endOfRibAndWithdrawalSeeds() throws IOException {
        assertThat(clean("end-of-rib-ipv4").endOfRibFamily()).isEqualTo(Family.IPV4_UNICAST);
        assertThat(clean("end-of-rib-ipv6").endOfRibFamily()).isEqualTo(Family.IPV6_UNICAST);
        assertThat(clean("ipv4-withdraw").withdrawn().count()).isEqualTo(3);
        assertThat(clean("ipv6-withdraw").attributes().mpUnreach().withdrawn().count()).isEqualTo(2);
    }

    @Test
    void rfc7606_s7_1_badOriginSeedIsTreatAsWithdraw() throws IOException {
        DecodeResult.Ok<Update> ok = decode("bad-origin-treat-as-withdraw");
        // The bad ORIGIN, and then ORIGIN missing from an announcement (RFC 7606 §3 d).
        assertThat(ok.repaired()).extracting(r -> r.action()).containsOnly(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(ok.value().nlri().isEmpty()).isTrue();
        assertThat(ok.value().withdrawn().count()).isEqualTo(1);
    }
}
