package dev.podbgp.rib.policy;

import static dev.podbgp.rib.policy.Routes.IBGP;
import static dev.podbgp.rib.policy.Routes.p;
import static dev.podbgp.rib.policy.Routes.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PodCidrGuardTest {

    /** Node with podCIDRs 10.244.1.0/24 and fd00:10:0:1::/64 in a cluster of 10.244.0.0/16 and fd00:10::/56. */
    private static final PodCidrGuard GUARD = new PodCidrGuard(
            List.of(p("10.244.1.0/24"), p("fd00:10:0:1::/64")),
            List.of(p("10.244.0.0/16"), p("fd00:10::/56")));

    @Test
    void podCidrGuard_refusesOverlapWithOwnPodCidr() {
        for (String s : new String[] {"10.244.1.0/24", "10.244.1.128/25", "10.244.1.7/32", "10.244.0.0/23", "10.0.0.0/8",
                "0.0.0.0/0", "fd00:10:0:1::/64", "fd00:10:0:1::/80", "fd00::/16"}) {
            for (PeerKind from : new PeerKind[] {PeerKind.MESH, PeerKind.EXTERNAL}) {
                assertThat(GUARD.check(p(s), from)).as(s + " from " + from)
                        .hasValueSatisfying(r -> assertThat(r.by()).isEqualTo(PodCidrGuard.OWN_POD_CIDR));
            }
        }
    }

    @Test
    void podCidrGuard_acceptsOtherNodesPodCidrsFromTheMesh() {
        assertThat(GUARD.check(p("10.244.2.0/24"), PeerKind.MESH)).isEmpty();
        assertThat(GUARD.check(p("fd00:10:0:2::/64"), PeerKind.MESH)).isEmpty();
    }

    @Test
    void podCidrGuard_meshPeerMayOnlySendPrefixesInsideTheClusterPodCidrs() {
        for (String s : new String[] {"172.16.0.0/12", "192.168.0.0/24", "10.245.0.0/24", "fd00:20::/64", "fd00:10:0:100::/64"}) {
            assertThat(GUARD.check(p(s), PeerKind.MESH)).as(s)
                    .hasValueSatisfying(r -> assertThat(r.by()).isEqualTo(PodCidrGuard.OUTSIDE_CLUSTER));
        }
    }

    @Test
    void podCidrGuard_externalPeersMaySendAnythingThatDoesNotOverlapOwnPodCidrs() {
        assertThat(GUARD.check(p("192.168.0.0/24"), PeerKind.EXTERNAL)).isEmpty();
        assertThat(GUARD.check(p("10.244.2.0/24"), PeerKind.EXTERNAL)).isEmpty();
        assertThat(GUARD.check(p("fd00:20::/64"), PeerKind.EXTERNAL)).isEmpty();
    }

    @Test
    void podCidrGuard_runsBeforeImportPolicySoNoRuleCanAcceptAnOverlap() {
        Policy acceptEverything = new Policy("permissive", List.of(
                Rule.accept("all", new Match.Any(), new Action.SetLocalPref(1000))), Verdict.ACCEPT);
        ImportPipeline mesh = new ImportPipeline(GUARD, PeerKind.MESH, acceptEverything);

        assertThat(mesh.evaluate(p("10.244.1.0/25"), path(), IBGP))
                .isInstanceOfSatisfying(PolicyResult.Rejected.class, r -> {
                    assertThat(r.by()).isEqualTo(PodCidrGuard.OWN_POD_CIDR);
                    assertThat(r.ruleIndex()).isEqualTo(PolicyResult.Rejected.NOT_A_RULE);
                    assertThat(r.reason()).contains("10.244.1.0/24");
                });
        assertThat(mesh.evaluate(p("10.244.2.0/24"), path(), IBGP))
                .isEqualTo(new PolicyResult.Accepted(path().with(new LocalPref(1000))));
    }

    @Property
    void podCidrGuard_refusesExactlyThePrefixesThatShareAnAddressWithOwnPodCidr(
            @ForAll int bits, @ForAll @IntRange(max = 32) int length) {
        Prefix candidate = Ipv4Prefix.masked(bits, length);
        Ipv4Prefix own = (Ipv4Prefix) p("10.244.1.0/24");
        // Two prefixes share an address iff their common leading bits agree.
        int common = Math.min(length, own.length());
        boolean sharesAnAddress = (bits & Ipv4Prefix.mask(common)) == (own.bits() & Ipv4Prefix.mask(common));

        boolean refusedAsOwn = GUARD.check(candidate, PeerKind.EXTERNAL).isPresent();

        assertThat(refusedAsOwn).isEqualTo(sharesAnAddress);
    }
}
