package dev.podbgp.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.DesiredStateDiff;
import dev.podbgp.config.state.PeerField;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import org.junit.jupiter.api.Test;

/**
 * What a reload does, by the change: OPEN- or connection-level settings reset the session;
 * policy-level ones are re-evaluated in place (RFC 2918 route refresh), as issue 7 asks.
 */
class DesiredStateDiffTest {
    private static final IpAddress TOR1 = IpAddress.parse("192.0.2.1");
    private static final IpAddress TOR2 = IpAddress.parse("192.0.2.2");

    private static final String BASE = """
            node:
              asn: 65001
              routerId: 192.0.2.11
              podCidrs: [10.240.1.0/24]
            policies:
              in: {default: accept}
              in2: {default: reject}
            peers:
              - address: 192.0.2.1
                asn: 65100
                importPolicy: in
                timers: {holdTime: 9, keepalive: 3}
              - address: 192.0.2.2
                asn: 65100
            """;

    private static DesiredState state(String yaml) throws ConfigException {
        return Configs.load(yaml).state();
    }

    private static DesiredStateDiff diff(String after) throws ConfigException {
        return DesiredStateDiff.between(state(BASE), state(after));
    }

    @Test
    void sameConfig_isAnEmptyDiff() throws ConfigException {
        assertThat(diff(BASE).isEmpty()).isTrue();
    }

    @Test
    void rfc4486_s4_addedAndRemovedPeers() throws ConfigException {
        DesiredStateDiff d = diff(BASE.replace("address: 192.0.2.2", "address: 192.0.2.3"));
        assertThat(d.peersAdded()).singleElement().satisfies(p -> assertThat(p.address()).isEqualTo(IpAddress.parse("192.0.2.3")));
        assertThat(d.peersRemoved()).singleElement().satisfies(p -> assertThat(p.address()).isEqualTo(TOR2));
        assertThat(d.peersChanged()).isEmpty();
        assertThat(d.restartRequired()).isEmpty();
    }

    @Test
    void rfc4271_s4_2_holdTimeChange_resetsOnlyThatSession() throws ConfigException {
        DesiredStateDiff d = diff(BASE.replace("holdTime: 9, keepalive: 3", "holdTime: 30, keepalive: 10"));
        assertThat(d.peersToReset()).containsExactly(TOR1);
        assertThat(d.peersToReevaluate()).isEmpty();
        assertThat(d.peersChanged().getFirst().fields()).containsExactly(PeerField.TIMERS);
    }

    @Test
    void peerAsChange_resets() throws ConfigException {
        DesiredStateDiff d = diff(BASE.replace("192.0.2.2\n    asn: 65100", "192.0.2.2\n    asn: 65200"));
        assertThat(d.peersToReset()).containsExactly(TOR2);
        assertThat(d.peersChanged().getFirst().fields()).containsExactly(PeerField.ASN);
    }

    @Test
    void rfc2385_passwordChange_resets() throws ConfigException {
        DesiredStateDiff d = diff(BASE.replace("importPolicy: in\n", "importPolicy: in\n    password: k2\n"));
        assertThat(d.peersToReset()).containsExactly(TOR1);
        assertThat(d.peersChanged().getFirst().fields()).containsExactly(PeerField.PASSWORD);
    }

    @Test
    void rfc4760_familiesChange_resets() throws ConfigException {
        DesiredStateDiff d = diff(BASE.replace("importPolicy: in\n", "importPolicy: in\n    families: [ipv4 unicast, ipv6 unicast]\n"));
        assertThat(d.peersChanged().getFirst().fields()).containsExactly(PeerField.FAMILIES);
        assertThat(d.peersToReset()).containsExactly(TOR1);
    }

    @Test
    void rfc5082_ttlChange_resets() throws ConfigException {
        DesiredStateDiff d = diff(BASE.replace("importPolicy: in\n", "importPolicy: in\n    gtsm: true\n"));
        assertThat(d.peersChanged().getFirst().fields()).containsExactly(PeerField.TTL);
        assertThat(d.peersToReset()).containsExactly(TOR1);
    }

    @Test
    void rfc2918_importPolicyRenamed_isReevaluatedWithoutReset() throws ConfigException {
        DesiredStateDiff d = diff(BASE.replace("importPolicy: in\n", "importPolicy: in2\n"));
        assertThat(d.peersToReset()).isEmpty();
        assertThat(d.peersToReevaluate()).containsExactly(TOR1);
        assertThat(d.peersChanged().getFirst().fields()).containsExactly(PeerField.IMPORT_POLICY);
    }

    @Test
    void rfc2918_policyRulesEdited_reevaluatesThePeersUsingIt() throws ConfigException {
        DesiredStateDiff d = diff(BASE.replace("in: {default: accept}", "in: {default: reject}"));
        assertThat(d.peersToReevaluate()).containsExactly(TOR1);
        assertThat(d.peersToReset()).isEmpty();
        assertThat(d.settingsChanged()).containsExactly("policies");
    }

    @Test
    void maxPrefixChange_isPolicyOnly() throws ConfigException {
        DesiredStateDiff d = diff(BASE.replace("importPolicy: in\n", "importPolicy: in\n    maxPrefix: {limit: 50}\n"));
        assertThat(d.peersChanged().getFirst().fields()).containsExactly(PeerField.MAX_PREFIX);
        assertThat(d.peersToReevaluate()).containsExactly(TOR1);
    }

    @Test
    void rfc4724_gracefulRestartChange_resetsEverySession() throws ConfigException {
        DesiredStateDiff d = diff(BASE + "gracefulRestart: {enabled: true}\n");
        assertThat(d.peersToReset()).containsExactly(TOR1, TOR2);
        assertThat(d.settingsChanged()).containsExactly("gracefulRestart");
    }

    @Test
    void podCidrChange_isReannouncedWithoutRestart() throws ConfigException {
        DesiredStateDiff d = diff(BASE.replace("podCidrs: [10.240.1.0/24]", "podCidrs: [10.240.2.0/24]"));
        assertThat(d.originatedAdded()).containsExactly(Prefix.parse("10.240.2.0/24"));
        assertThat(d.originatedRemoved()).containsExactly(Prefix.parse("10.240.1.0/24"));
        assertThat(d.restartRequired()).isEmpty();
        assertThat(d.peersChanged()).isEmpty();
    }

    @Test
    void asnAndRouterIdChanges_needARestart() throws ConfigException {
        DesiredStateDiff d = diff(BASE.replace("asn: 65001", "asn: 65002").replace("routerId: 192.0.2.11", "routerId: 192.0.2.99"));
        assertThat(d.restartRequired()).containsExactly("node.asn 65001 -> 65002", "node.routerId 192.0.2.11 -> 192.0.2.99");
    }

    @Test
    void fibAndCniChanges_areAppliedInPlace() throws ConfigException {
        DesiredStateDiff d = diff(BASE + "fib: {ecmpWidth: 2}\ncni: {mtu: 1450}\n");
        assertThat(d.settingsChanged()).containsExactlyInAnyOrder("fib", "cni");
        assertThat(d.restartRequired()).isEmpty();
        assertThat(d.peersChanged()).isEmpty();
    }
}
