package dev.podbgp.bgp.exabgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import org.junit.jupiter.api.Test;

/** What ExaBGP adds or drops when it sends a command's route (Attributes.pack in its source). */
class ExabgpSendDefaultsTest {

    private static final Ipv4Address LOCAL4 = Ipv4Address.parse("10.255.0.1");
    private static final IpAddress LOCAL6 = IpAddress.parse("fd00:255::1");
    private static final Ipv4Address ROUTER_ID = Ipv4Address.parse("192.0.2.254");

    private final ExabgpSendDefaults ibgp = new ExabgpSendDefaults(true, 65001, LOCAL4, ROUTER_ID);
    private final ExabgpSendDefaults ebgp = new ExabgpSendDefaults(false, 65001, LOCAL4, ROUTER_ID);

    @Test
    void rfc4271_s5_1_ibgpGetsIgpOriginEmptyAsPathAndLocalPref100() {
        PathAttributes out = ibgp.apply(PathAttributes.of(new MultiExitDisc(5)));
        assertThat(out).usingRecursiveComparison().isEqualTo(PathAttributes.of(Origin.IGP, AsPath.EMPTY,
                new MultiExitDisc(5), new LocalPref(100)));
    }

    @Test
    void ibgpKeepsWhatTheCommandGave() {
        PathAttributes given = PathAttributes.of(Origin.EGP, AsPath.ofSequence(65010), new LocalPref(300));
        assertThat(ibgp.apply(given).asList()).isEqualTo(given.asList());
    }

    @Test
    void rfc4271_s5_1_2_ebgpWithoutAsPathGetsTheLocalAs() {
        assertThat(ebgp.apply(PathAttributes.EMPTY).asList()).containsExactly(Origin.IGP, AsPath.ofSequence(65001));
    }

    @Test
    void ebgpSendsAGivenAsPathVerbatimWithoutPrepending() {
        PathAttributes out = ebgp.apply(PathAttributes.of(AsPath.ofSequence(65010, 65020)));
        assertThat(out.asPath()).isEqualTo(AsPath.ofSequence(65010, 65020));
        assertThat(ebgp.apply(PathAttributes.of(AsPath.EMPTY)).asPath()).isEqualTo(AsPath.EMPTY);
    }

    @Test
    void rfc4271_s5_1_5_ebgpNeverSendsLocalPref() {
        assertThat(ebgp.apply(PathAttributes.of(new LocalPref(200))).localPref()).isNull();
    }

    @Test
    void rfc7311_aigpOnlyWithinTheAs() {
        PathAttributes withAigp = Commands.announce("announce route 10.0.0.0/24 next-hop self aigp 5").attributes();
        assertThat(ibgp.apply(withAigp).has(GenericAttributeParser.AIGP)).isTrue();
        assertThat(ebgp.apply(withAigp).has(GenericAttributeParser.AIGP)).isFalse();
    }

    @Test
    void nextHopSelfIsTheSessionAddressForItsFamily() {
        assertThat(ebgp.resolve(NextHopSpec.Self.INSTANCE, Family.IPV4_UNICAST)).isEqualTo(LOCAL4);
        ExabgpSendDefaults v6 = new ExabgpSendDefaults(false, 65001, LOCAL6, ROUTER_ID);
        assertThat(v6.resolve(NextHopSpec.Self.INSTANCE, Family.IPV6_UNICAST)).isEqualTo(LOCAL6);
    }

    @Test
    void nextHopSelfForIpv4OnAnIpv6SessionIsTheRouterIdAsInExabgp() {
        ExabgpSendDefaults v6 = new ExabgpSendDefaults(false, 65001, LOCAL6, ROUTER_ID);
        assertThat(v6.resolve(NextHopSpec.Self.INSTANCE, Family.IPV4_UNICAST)).isEqualTo(ROUTER_ID);
    }

    @Test
    void nextHopSelfForIpv6OnAnIpv4SessionIsRefused() {
        assertThatThrownBy(() -> ebgp.resolve(NextHopSpec.Self.INSTANCE, Family.IPV6_UNICAST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IPv6 session");
    }

    @Test
    void anExplicitNextHopIsKept() {
        IpAddress nh = IpAddress.parse("192.0.2.1");
        assertThat(ebgp.resolve(new NextHopSpec.Address(nh), Family.IPV4_UNICAST)).isEqualTo(nh);
    }
}
