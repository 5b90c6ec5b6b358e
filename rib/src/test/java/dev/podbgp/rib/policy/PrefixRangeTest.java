package dev.podbgp.rib.policy;

import static dev.podbgp.rib.policy.Routes.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.inet.Ipv4Prefix;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PrefixRangeTest {

    @Test
    void prefixListGeLeMatchesOnlyLengthsInRange() {
        PrefixRange r = PrefixRange.parse("10.240.0.0/16 ge 20 le 24");

        assertThat(r.matches(p("10.240.16.0/20"))).isTrue();
        assertThat(r.matches(p("10.240.3.0/24"))).isTrue();
        assertThat(r.matches(p("10.240.0.0/19"))).isFalse();
        assertThat(r.matches(p("10.240.3.0/25"))).isFalse();
        assertThat(r.matches(p("10.241.0.0/24"))).as("outside the /16").isFalse();
    }

    @Test
    void leAloneStartsAtThePrefixOwnLength() {
        PrefixRange r = PrefixRange.parse("10.240.0.0/16 le 24");

        assertThat(r).isEqualTo(new PrefixRange(p("10.240.0.0/16"), 16, 24));
        assertThat(r.matches(p("10.240.0.0/16"))).isTrue();
        assertThat(r.matches(p("10.0.0.0/8"))).as("shorter than the /16").isFalse();
    }

    @Test
    void geAloneRunsToTheFamilyFullLength() {
        assertThat(PrefixRange.parse("10.0.0.0/8 ge 24")).isEqualTo(new PrefixRange(p("10.0.0.0/8"), 24, 32));
        assertThat(PrefixRange.parse("fd00::/48 ge 64")).isEqualTo(new PrefixRange(p("fd00::/48"), 64, 128));
    }

    @Test
    void aBarePrefixMatchesExactlyItself() {
        PrefixRange r = PrefixRange.parse("10.240.0.0/16");

        assertThat(r.matches(p("10.240.0.0/16"))).isTrue();
        assertThat(r.matches(p("10.240.0.0/17"))).isFalse();
    }

    @Test
    void ipv6RangesMatchIpv6PrefixesAndNeverIpv4() {
        PrefixRange r = PrefixRange.parse("fd00:10::/48 le 64");

        assertThat(r.matches(p("fd00:10:0:5::/64"))).isTrue();
        assertThat(r.matches(p("fd00:10:0:5::/80"))).isFalse();
        assertThat(PrefixRange.parse("0.0.0.0/0 le 32").matches(p("fd00:10::/48"))).isFalse();
        assertThat(PrefixRange.parse("::/0 le 128").matches(p("10.0.0.0/8"))).isFalse();
    }

    @Test
    void impossibleRangesAreRefusedAtConfigTime() {
        assertThatThrownBy(() -> PrefixRange.parse("10.0.0.0/16 le 8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrefixRange.parse("10.0.0.0/16 ge 24 le 20")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrefixRange.parse("10.0.0.0/16 le 33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrefixRange.parse("10.0.0.0/16 lt 24")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrefixRange.parse("10.0.0.0/16 le")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringReadsBackAsTheSameRange() {
        for (String s : new String[] {"10.0.0.0/8", "10.0.0.0/8 le 24", "10.0.0.0/8 ge 24", "10.0.0.0/8 ge 16 le 24", "fd00::/48 ge 64"}) {
            assertThat(PrefixRange.parse(PrefixRange.parse(s).toString())).isEqualTo(PrefixRange.parse(s));
        }
    }

    @Property
    void aMatchIsInsideThePrefixWithALengthInRange(@ForAll int bits, @ForAll @IntRange(max = 32) int length,
            @ForAll @IntRange(max = 32) int a, @ForAll @IntRange(max = 32) int b, @ForAll int candidateBits,
            @ForAll @IntRange(max = 32) int candidateLength) {
        Ipv4Prefix base = Ipv4Prefix.masked(bits, length);
        int lo = Math.max(length, Math.min(a, b));
        int hi = Math.max(lo, Math.max(a, b));
        PrefixRange r = new PrefixRange(base, lo, hi);
        // Half the candidates are forced inside the base prefix so matches are actually exercised.
        int inside = (candidateBits & ~Ipv4Prefix.mask(length)) | base.bits();
        for (Ipv4Prefix c : new Ipv4Prefix[] {Ipv4Prefix.masked(candidateBits, candidateLength),
                Ipv4Prefix.masked(inside, candidateLength)}) {
            boolean expected = base.contains(c) && c.length() >= lo && c.length() <= hi;
            assertThat(r.matches(c)).isEqualTo(expected);
        }
    }
}
