package dev.podbgp.config.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.config.CniSpec;
import dev.podbgp.config.FibSpec;
import dev.podbgp.config.GracefulRestartSpec;
import dev.podbgp.config.ListenSpec;
import dev.podbgp.config.LoggingSpec;
import dev.podbgp.config.MetricsSpec;
import dev.podbgp.config.PodbgpConfig;
import dev.podbgp.config.PolicySpec;
import dev.podbgp.config.RolesSpec;
import dev.podbgp.config.VerdictSpec;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A DesiredState built without YAML, as the Kubernetes source will build it. */
class DesiredStateTest {
    private static final NodeIdentity NODE = new NodeIdentity("node-1", Ipv4Address.parse("192.0.2.11"), 65001);

    private static DesiredState state(List<DesiredPeer> peers, List<Prefix> originated, Map<String, PolicySpec> policies) {
        return new DesiredState(NODE, originated, List.of(Prefix.parse("10.240.0.0/16")), ListenSpec.DEFAULT, peers,
                policies, RolesSpec.POD_CIDR_ONLY, FibSpec.DEFAULT, GracefulRestartSpec.DEFAULT, CniSpec.DEFAULT,
                PodbgpConfig.DEFAULT_CONTROL_SOCKET, MetricsSpec.DEFAULT, LoggingSpec.DEFAULT);
    }

    private static DesiredPeer mesh(String address) {
        return DesiredStates.meshPeer(IpAddress.parse(address), 65001);
    }

    @Test
    void equality_doesNotDependOnTheOrderASourceListedThingsIn() {
        DesiredState a = state(List.of(mesh("192.0.2.12"), mesh("192.0.2.13")),
                List.of(Prefix.parse("10.240.1.0/24"), Prefix.parse("fd00::/64")), Map.of());
        DesiredState b = state(List.of(mesh("192.0.2.13"), mesh("192.0.2.12")),
                List.of(Prefix.parse("fd00::/64"), Prefix.parse("10.240.1.0/24")), Map.of());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(DesiredStateDiff.between(a, b).isEmpty()).isTrue();
    }

    @Test
    void aNodeJoiningTheMesh_isOnePeerAdded() {
        DesiredState before = state(List.of(mesh("192.0.2.12")), List.of(), Map.of());
        DesiredState after = state(List.of(mesh("192.0.2.12"), mesh("192.0.2.13")), List.of(), Map.of());
        DesiredStateDiff d = DesiredStateDiff.between(before, after);
        assertThat(d.peersAdded()).containsExactly(mesh("192.0.2.13"));
        assertThat(d.peersRemoved()).isEmpty();
        assertThat(d.peersChanged()).isEmpty();
    }

    @Test
    void samePeerTwice_isRefused() {
        assertThatThrownBy(() -> state(List.of(mesh("192.0.2.12"), mesh("192.0.2.12")), List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("peer 192.0.2.12 appears twice");
    }

    @Test
    void undefinedPolicy_isRefused() {
        DesiredPeer p = mesh("192.0.2.12");
        DesiredPeer withPolicy = new DesiredPeer(p.address(), p.asn(), p.localAddress(), p.port(), p.password(), p.ttl(),
                p.timers(), p.families(), p.passive(), Optional.of("in"), Optional.empty(), p.maxPrefix(),
                false, false, p.kind(), p.bfd(), p.nextHop(), p.interfaceName());
        assertThatThrownBy(() -> state(List.of(withPolicy), List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("peer 192.0.2.12 refers to undefined policy in");
        assertThat(state(List.of(withPolicy), List.of(),
                Map.of("in", new PolicySpec("in", List.of(), VerdictSpec.ACCEPT))).peers()).hasSize(1);
    }

    @Test
    void rfc6286_s2_1_routerIdZero_isRefused() {
        assertThatThrownBy(() -> new NodeIdentity("n", Ipv4Address.ANY, 65001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangeOfServiceRoutesAlone_touchesNoPeerAndSaysWhatToAnnounceAndWithdraw() {
        DesiredState base = state(List.of(mesh("192.0.2.12")), List.of(Prefix.parse("10.240.1.0/24")), Map.of());
        ServiceRoute web = new ServiceRoute(Prefix.parse("192.0.2.80/32"), List.of("shop/web"), ServiceRoute.Kind.INGRESS,
                List.of(), List.of(), Optional.empty());
        ServiceRoute dns = new ServiceRoute(Prefix.parse("192.0.2.53/32"), List.of("kube-system/dns"),
                ServiceRoute.Kind.EXTERNAL_IP, List.of(), List.of(), Optional.empty());
        DesiredState before = base.withServiceRoutes(List.of(web, dns));
        ServiceRoute webTagged = new ServiceRoute(web.prefix(), web.services(), web.kind(),
                List.of(dev.podbgp.config.StandardCommunity.parse("65001:80")), List.of(), Optional.of(200L));
        DesiredState after = base.withServiceRoutes(List.of(webTagged));
        DesiredStateDiff d = DesiredStateDiff.between(before, after);
        assertThat(d.isEmpty()).isFalse();
        assertThat(d.serviceRoutesAnnounced()).containsExactly(webTagged);
        assertThat(d.serviceRoutesWithdrawn()).containsExactly(dns.prefix());
        assertThat(d.peersAdded()).isEmpty();
        assertThat(d.peersRemoved()).isEmpty();
        assertThat(d.peersChanged()).isEmpty();
        assertThat(d.originatedAdded()).isEmpty();
        assertThat(d.settingsChanged()).isEmpty();
        assertThat(DesiredStateDiff.between(after, base.withServiceRoutes(List.of(webTagged))).isEmpty()).isTrue();
    }

    @Test
    void aServiceRouteTwiceOrOnAPodCidr_isRefused() {
        DesiredState base = state(List.of(), List.of(Prefix.parse("10.240.1.0/24")), Map.of());
        ServiceRoute web = new ServiceRoute(Prefix.parse("192.0.2.80/32"), List.of("shop/web"), ServiceRoute.Kind.INGRESS,
                List.of(), List.of(), Optional.empty());
        assertThatThrownBy(() -> base.withServiceRoutes(List.of(web, web))).hasMessageContaining("appears twice");
        ServiceRoute onPods = new ServiceRoute(Prefix.parse("10.240.1.0/24"), List.of(), ServiceRoute.Kind.SERVICE_CIDR,
                List.of(), List.of(), Optional.empty());
        assertThatThrownBy(() -> base.withServiceRoutes(List.of(onPods))).hasMessageContaining("originated prefix");
        assertThatThrownBy(() -> new ServiceRoute(web.prefix(), web.services(), web.kind(), List.of(), List.of(),
                Optional.of(1L << 32))).hasMessageContaining("local preference");
    }
}
