package dev.podbgp.bgp.wire.attr;

import static dev.podbgp.bgp.wire.UpdateBytes.attr;
import static dev.podbgp.bgp.wire.UpdateBytes.bytes;
import static dev.podbgp.bgp.wire.UpdateBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.inet.Ipv4Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6793: 4-octet AS numbers across sessions that have them and sessions that do not. */
class FourOctetAsTest {

    static final SessionCapabilities OLD = SessionCapabilities.RFC4271;
    static final SessionCapabilities NEW = SessionCapabilities.FOUR_OCTET_AS;

    static PathAttributes decode(String hex, SessionCapabilities caps) {
        byte[] b = bytes(hex);
        return PathAttributes.decode(b, 0, b.length, caps).orThrow();
    }

    static String encode(PathAttributes a, SessionCapabilities caps) {
        WireWriter w = new WireWriter(a.encodedLength(caps));
        a.write(w, caps);
        return hex(w.toByteArray());
    }

    @Test
    void rfc6793_s4_2_2_pathWithFourOctetAsIsSentAsAsTransPlusAs4Path() {
        PathAttributes a = PathAttributes.of(Origin.IGP, AsPath.ofSequence(65001, 4200000001L),
                Communities.of(1), LargeCommunities.of(1, 2, 3));
        String wire = encode(a, OLD);
        // AS_PATH: 65001, AS_TRANS; AS4_PATH (17) after COMMUNITIES (8), before LARGE_COMMUNITY (32).
        assertThat(wire).isEqualTo(attr(0x40, 1, "00") + attr(0x40, 2, "0202 FDE9 5BA0")
                + attr(0xC0, 8, "00000001") + attr(0xC0, 17, "0202 0000FDE9 FA56EA01")
                + attr(0xC0, 32, "00000001 00000002 00000003"));
        assertThat(decode(wire, OLD)).isEqualTo(a);
    }

    @Test
    void rfc6793_s4_2_2_twoOctetPathNeedsNoAs4Path() {
        PathAttributes a = PathAttributes.of(Origin.IGP, AsPath.ofSequence(65001, 65002));
        assertThat(encode(a, OLD)).isEqualTo(attr(0x40, 1, "00") + attr(0x40, 2, "0202 FDE9 FDEA"));
    }

    @Test
    void rfc6793_s4_2_2_aggregatorWithFourOctetAsGetsAs4Aggregator() {
        PathAttributes a = PathAttributes.of(new Aggregator(4200000001L, Ipv4Address.parse("192.0.2.1")));
        assertThat(encode(a, OLD)).isEqualTo(attr(0xC0, 7, "5BA0 C0000201") + attr(0xC0, 18, "FA56EA01 C0000201"));
        assertThat(decode(encode(a, OLD), OLD)).isEqualTo(a);
        assertThat(encode(a, NEW)).isEqualTo(attr(0xC0, 7, "FA56EA01 C0000201"));
    }

    @Test
    void rfc6793_s4_2_3_as4PathReplacesTheTrailingAsesOfAsPath() {
        // An OLD speaker (AS 65010) prepended itself in front of a path it got as AS_TRANS.
        PathAttributes a = decode(attr(0x40, 2, "0203 FDF2 5BA0 FDE9") + attr(0xC0, 17, "0202 FA56EA01 0000FDE9"), OLD);
        assertThat(a.asPath()).isEqualTo(AsPath.ofSequence(65010, 4200000001L, 65001));
    }

    @Test
    void rfc6793_s4_2_3_as4PathLongerThanAsPathIsIgnored() {
        PathAttributes a = decode(attr(0x40, 2, "0201 5BA0") + attr(0xC0, 17, "0202 FA56EA01 0000FDE9"), OLD);
        assertThat(a.asPath()).isEqualTo(AsPath.ofSequence(23456));
    }

    @Test
    void rfc6793_s4_2_3_realAggregatorMeansTheAs4AttributesAreStale() {
        PathAttributes a = decode(attr(0x40, 2, "0201 5BA0") + attr(0xC0, 7, "FDE9 C0000201")
                + attr(0xC0, 17, "0201 FA56EA01") + attr(0xC0, 18, "FA56EA01 C0000202"), OLD);
        assertThat(a.asPath()).isEqualTo(AsPath.ofSequence(23456));
        assertThat(a.aggregator()).isEqualTo(new Aggregator(65001, Ipv4Address.parse("192.0.2.1")));
    }

    @Test
    void rfc6793_s4_2_3_as4AggregatorReplacesAsTransAggregator() {
        PathAttributes a = decode(attr(0x40, 2, "0201 5BA0") + attr(0xC0, 7, "5BA0 C0000201")
                + attr(0xC0, 17, "0201 FA56EA01") + attr(0xC0, 18, "FA56EA01 C0000201"), OLD);
        assertThat(a.aggregator()).isEqualTo(new Aggregator(4200000001L, Ipv4Address.parse("192.0.2.1")));
        assertThat(a.asPath()).isEqualTo(AsPath.ofSequence(4200000001L));
    }

    @Test
    void rfc6793_s6_malformedAs4PathIsDiscardedAndAsPathKept() {
        byte[] b = bytes(attr(0x40, 2, "0201 5BA0") + attr(0xC0, 17, "0200"));
        DecodeResult.Ok<PathAttributes> ok = (DecodeResult.Ok<PathAttributes>) PathAttributes.decode(b, 0, b.length, OLD);
        assertThat(ok.value().asPath()).isEqualTo(AsPath.ofSequence(23456));
        assertThat(ok.repaired()).hasSize(1);
    }

    @Test
    void as4AttributesBetweenNewSpeakersCarryNothing() {
        PathAttributes a = decode(attr(0x40, 2, "0201 0000FDE9") + attr(0xC0, 17, "0201 FA56EA01"), NEW);
        assertThat(a.asPath()).isEqualTo(AsPath.ofSequence(65001));
        assertThat(a.asList()).hasSize(1);
    }

    @Test
    void rfc4271_s9_1_2_2_pathLengthCountsASetAsOneAndConfederationsAsNothing() {
        AsPath p = new AsPath(List.of(
                new AsPathSegment(AsPathSegment.Type.AS_CONFED_SEQUENCE, new int[] {64512, 64513}),
                new AsPathSegment(AsPathSegment.Type.AS_SEQUENCE, new int[] {65001, 65002}),
                new AsPathSegment(AsPathSegment.Type.AS_SET, new int[] {1, 2, 3})));
        assertThat(p.length()).isEqualTo(3);
        assertThat(p.firstAs()).isEqualTo(-1);
        assertThat(p.originAs()).isEqualTo(-1);
        assertThat(p.contains(2)).isTrue();
        assertThat(AsPath.ofSequence(1, 2).prepend(9)).isEqualTo(AsPath.ofSequence(9, 1, 2));
        assertThat(AsPath.EMPTY.prepend(9).originAs()).isEqualTo(9);
    }

    @Test
    void rfc4271_s4_3_longPathsAreSplitIn255AsSegments() {
        long[] asns = new long[300];
        java.util.Arrays.fill(asns, 65001);
        AsPath p = AsPath.ofSequence(asns);
        assertThat(p.segments()).hasSize(2);
        assertThat(p.segments().get(0).size()).isEqualTo(255);
        PathAttributes a = PathAttributes.of(p);
        assertThat(decode(encode(a, NEW), NEW)).isEqualTo(a);
    }
}
