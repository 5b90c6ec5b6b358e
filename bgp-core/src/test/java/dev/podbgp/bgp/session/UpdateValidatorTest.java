package dev.podbgp.bgp.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AsPathSegment;
import dev.podbgp.bgp.wire.attr.ClusterList;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.OriginatorId;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateValidatorTest {

    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
    static final long PEER_AS = 65010;
    static final Nlri NONE = Nlri.empty(Family.IPV4_UNICAST, false);
    static final Nlri V4 = Nlri.of(Family.IPV4_UNICAST, Prefix.parse("10.250.0.0/24"));

    static Update v4(PathAttributes attrs) {
        return new Update(NONE, attrs.with(new NextHop(Ipv4Address.parse("10.77.1.2"))), V4);
    }

    static PathAttributes base(AsPath path) {
        return PathAttributes.of(Origin.IGP, path);
    }

    static void assertWithdrawn(UpdateValidator.Result r, BgpError error) {
        assertThat(r.update().announced()).isEmpty();
        assertThat(r.update().withdrawn().prefixes()).containsExactly(Prefix.parse("10.250.0.0/24"));
        Malformation m = r.problems().getLast();
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.error()).isEqualTo(error);
    }

    @Test
    void aGoodUpdateIsUntouched() {
        Update u = v4(base(AsPath.ofSequence(PEER_AS, 65100)));
        UpdateValidator.Result r = UpdateValidator.validate(u, true, PEER_AS, BOTH);
        assertThat(r.update()).isSameAs(u);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void rfc4271_s6_3_externalPathNotStartingWithThePeerAsIsTreatAsWithdraw() {
        assertWithdrawn(UpdateValidator.validate(v4(base(AsPath.ofSequence(65100))), true, PEER_AS, BOTH),
                BgpError.MALFORMED_AS_PATH);
        assertWithdrawn(UpdateValidator.validate(v4(base(AsPath.EMPTY)), true, PEER_AS, BOTH), BgpError.MALFORMED_AS_PATH);
    }

    @Test
    void internalPathsNeedNotStartWithTheirAs() {
        assertThat(UpdateValidator.validate(v4(base(AsPath.EMPTY)), false, PEER_AS, BOTH).problems()).isEmpty();
    }

    @Test
    void rfc7606_s7_2_confederationSegmentsFromAnExternalPeerAreTreatAsWithdraw() {
        AsPath confed = new AsPath(List.of(new AsPathSegment(AsPathSegment.Type.AS_CONFED_SEQUENCE, new int[] {64512}),
                new AsPathSegment(AsPathSegment.Type.AS_SEQUENCE, new int[] {(int) PEER_AS})));
        assertWithdrawn(UpdateValidator.validate(v4(base(confed)), true, PEER_AS, BOTH), BgpError.MALFORMED_AS_PATH);
    }

    @Test
    void rfc7606_s7_5_s7_9_s7_10_internalAttributesFromAnExternalPeerAreDiscarded() {
        Update u = v4(base(AsPath.ofSequence(PEER_AS)).with(new LocalPref(500))
                .with(new OriginatorId(Ipv4Address.parse("192.0.2.7"))).with(new ClusterList(new int[] {1})));
        UpdateValidator.Result r = UpdateValidator.validate(u, true, PEER_AS, BOTH);
        assertThat(r.update().attributes().localPref()).isNull();
        assertThat(r.update().attributes().originatorId()).isNull();
        assertThat(r.update().attributes().clusterList()).isNull();
        assertThat(r.update().nlri()).isEqualTo(V4);
        assertThat(r.problems()).hasSize(3).allMatch(m -> m.action() == ErrorAction.ATTRIBUTE_DISCARD);
        // From an internal peer they stay.
        assertThat(UpdateValidator.validate(u, false, PEER_AS, BOTH).update()).isSameAs(u);
    }

    @Test
    void rfc4271_s6_3_martianNextHopIsTreatAsWithdraw() {
        for (String martian : List.of("0.0.0.0", "127.0.0.1", "224.0.0.5", "255.255.255.255")) {
            Update u = new Update(NONE, base(AsPath.ofSequence(PEER_AS)).with(new NextHop(Ipv4Address.parse(martian))), V4);
            assertWithdrawn(UpdateValidator.validate(u, true, PEER_AS, BOTH), BgpError.INVALID_NEXT_HOP_ATTRIBUTE);
        }
        Nlri v6 = Nlri.of(Family.IPV6_UNICAST, Prefix.parse("fd00:250::/64"));
        Update mp = new Update(NONE, base(AsPath.ofSequence(PEER_AS)).with(
                new MpReachNlri(Family.IPV6_UNICAST, IpAddress.parse("ff02::1"), null, v6)), NONE);
        UpdateValidator.Result r = UpdateValidator.validate(mp, true, PEER_AS, BOTH);
        assertThat(r.update().attributes().mpUnreach().withdrawn()).isEqualTo(v6);
        assertThat(r.problems().getLast().error()).isEqualTo(BgpError.INVALID_NEXT_HOP_ATTRIBUTE);
    }

    @Test
    void rfc2545_s3_zeroGlobalNextHopWithALinkLocalOne_isUsable_zeroAloneIsNot() {
        Update withLinkLocal = new Update(NONE, base(AsPath.ofSequence(PEER_AS)).with(new MpReachNlri(Family.IPV4_UNICAST,
                Ipv6Address.ANY, Ipv6Address.parse("fe80::d0f4:7ff:fef8:295f"), V4)), NONE);
        UpdateValidator.Result ok = UpdateValidator.validate(withLinkLocal, true, PEER_AS, BOTH);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.update().attributes().mpReach().forwardingNextHop()).isEqualTo(IpAddress.parse("fe80::d0f4:7ff:fef8:295f"));

        Update zeroAlone = new Update(NONE, base(AsPath.ofSequence(PEER_AS)).with(new MpReachNlri(Family.IPV4_UNICAST,
                Ipv6Address.ANY, null, V4)), NONE);
        assertThat(UpdateValidator.validate(zeroAlone, true, PEER_AS, BOTH).problems().getLast().error())
                .isEqualTo(BgpError.INVALID_NEXT_HOP_ATTRIBUTE);
    }

    @Test
    void rfc4760_s7_prefixesOfAFamilyNotNegotiatedAreIgnored() {
        Nlri v6 = Nlri.of(Family.IPV6_UNICAST, Prefix.parse("fd00:250::/64"));
        Update mp = new Update(NONE, base(AsPath.ofSequence(PEER_AS)).with(
                new MpReachNlri(Family.IPV6_UNICAST, IpAddress.parse("fd00::2"), null, v6)), NONE);
        UpdateValidator.Result r = UpdateValidator.validate(mp, true, PEER_AS, Set.of(Family.IPV4_UNICAST));
        assertThat(r.update().announced()).isEmpty();
        assertThat(r.problems()).singleElement().matches(m -> m.action() == ErrorAction.ATTRIBUTE_DISCARD);
    }
}
