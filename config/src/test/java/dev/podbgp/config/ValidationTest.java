package dev.podbgp.config;

import static dev.podbgp.config.Configs.NODE;
import static dev.podbgp.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per rule, each pinning the exact message with file, line, column and field. */
class ValidationTest {

    @Test
    void invalidPeerAs_namesFileLineColumnAndField() {
        assertThat(problems(NODE + """
                peers:
                  - address: 192.0.2.1
                    asn: 65100
                  - address: 192.0.2.2
                    asn: 65100
                  - address: 192.0.2.3
                    asn: 0
                """)).containsExactly("podbgp.yaml:10:10: peers[2].asn: 0 is not a valid AS number");
    }

    @Test
    void rfc6793_s9_asTransIsNotAPeerAs() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 23456}
                """)).containsExactly("podbgp.yaml:5:31: peers[0].asn: 23456 is AS_TRANS (RFC 6793), not a real AS number");
    }

    @Test
    void rfc7300_reservedAsNumbers() {
        assertThat(problems("""
                node:
                  asn: 4294967295
                  routerId: 192.0.2.11
                """)).containsExactly("podbgp.yaml:2:8: node.asn: 4294967295 is reserved (RFC 7300) and not a valid AS number");
    }

    @Test
    void asAbove32Bits() {
        assertThat(problems("""
                node:
                  asn: 4294967296
                  routerId: 192.0.2.11
                """)).containsExactly("podbgp.yaml:2:8: node.asn: 4294967296 is not a valid AS number");
    }

    @Test
    void missingAsn_isRequiredAtItsSection() {
        assertThat(problems("""
                node:
                  routerId: 192.0.2.11
                """)).containsExactly("podbgp.yaml:2:3: node.asn: required");
    }

    @Test
    void unknownKey_suggestsTheClosestKnownOne() {
        assertThat(problems("""
                node:
                  asn: 65001
                  routerID: 192.0.2.11
                """)).containsExactly(
                "podbgp.yaml:2:3: node.routerId: required: no IPv4 listen.address or peer localAddress to derive it from",
                "podbgp.yaml:3:3: node.routerID: unknown key 'routerID', did you mean 'routerId'?");
    }

    @Test
    void unknownKey_kebabCaseSpelling_suggestsCamelCase() {
        assertThat(problems(NODE + """
                peers:
                  - address: 192.0.2.1
                    asn: 65100
                    local-address: 192.0.2.11
                """)).containsExactly("podbgp.yaml:7:5: peers[0].local-address: unknown key 'local-address', did you mean 'localAddress'?");
    }

    @Test
    void unknownKey_withNothingClose_listsTheKeys() {
        assertThat(problems(NODE + """
                listen:
                  zzzzzz: 1
                """)).containsExactly("podbgp.yaml:5:3: listen.zzzzzz: unknown key 'zzzzzz'; expected one of: address, port");
    }

    @Test
    void yaml12_s3_2_1_1_duplicateKeyIsRefused() {
        assertThat(problems("""
                node:
                  asn: 65001
                  routerId: 192.0.2.11
                  asn: 65002
                """)).containsExactly("podbgp.yaml:4:3: node.asn: duplicate key 'asn' (first at line 2)");
    }

    @Test
    void everyErrorIsReported_inFileOrder() {
        assertThat(problems("""
                node:
                  asn: 0
                  routerId: 300.1.1.1
                listen:
                  port: 70000
                logging:
                  level: verbose
                """)).containsExactly(
                "podbgp.yaml:2:8: node.asn: 0 is not a valid AS number",
                "podbgp.yaml:3:13: node.routerId: '300.1.1.1' has an IPv4 octet above 255",
                "podbgp.yaml:5:9: listen.port: 70000 is not in 1..65535",
                "podbgp.yaml:7:10: logging.level: 'verbose' is not allowed; expected one of: trace, debug, info, warn, error");
    }

    @Test
    void duplicatePeerAddress_pointsAtTheFirst() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100}
                mesh:
                  peers: [192.0.2.12, 192.0.2.1]
                """)).containsExactly("podbgp.yaml:7:23: mesh.peers[1]: peer 192.0.2.1 is already configured at line 5");
    }

    @Test
    void undefinedPolicy_isNamedWithASuggestion() {
        assertThat(problems(NODE + """
                policies:
                  from-tor: {rules: []}
                peers:
                  - address: 192.0.2.1
                    asn: 65100
                    importPolicy: from-tors
                    exportPolicy: to-tor
                """)).containsExactly(
                "podbgp.yaml:9:19: peers[0].importPolicy: policy 'from-tors' is not defined under policies, did you mean 'from-tor'?",
                "podbgp.yaml:10:19: peers[0].exportPolicy: policy 'to-tor' is not defined under policies");
    }

    @Test
    void rfc4271_s10_keepaliveAboveAThirdOfHoldTime() {
        assertThat(problems(NODE + """
                peers:
                  - address: 192.0.2.1
                    asn: 65100
                    timers: {holdTime: 9, keepalive: 4}
                """)).containsExactly("podbgp.yaml:7:38: peers[0].timers.keepalive: 4 is more than a third of holdTime 9;"
                + " a lost keepalive would drop the session (RFC 4271 §10)");
    }

    @Test
    void rfc4271_s10_keepaliveZeroWithAHoldTime() {
        assertThat(problems(NODE + """
                peers:
                  - address: 192.0.2.1
                    asn: 65100
                    timers: {holdTime: 9, keepalive: 0}
                """)).containsExactly("podbgp.yaml:7:38: peers[0].timers.keepalive: 0 would send no keepalives"
                + " while the peer's hold timer of 9s runs out");
    }

    @Test
    void rfc4271_s4_2_holdTimeOneIsUnacceptable() {
        assertThat(problems(NODE + """
                peers:
                  - address: 192.0.2.1
                    asn: 65100
                    timers: {holdTime: 1}
                """)).containsExactly("podbgp.yaml:7:24: peers[0].timers.holdTime: 1 is not a valid hold time (RFC 4271 §4.2: 0 or 3..65535)");
    }

    @Test
    void podCidrOutsideClusterPodCidrs() {
        assertThat(problems("""
                node:
                  asn: 65001
                  routerId: 192.0.2.11
                  clusterPodCidrs: [10.240.0.0/16]
                  podCidrs: [10.240.1.0/24, 10.241.0.0/24]
                """)).containsExactly("podbgp.yaml:5:29: node.podCidrs[1]: '10.241.0.0/24' is not inside clusterPodCidrs [10.240.0.0/16]");
    }

    @Test
    void prefixWithHostBits_isRefusedNotRounded() {
        assertThat(problems("""
                node:
                  asn: 65001
                  routerId: 192.0.2.11
                  podCidrs: [10.240.1.1/24]
                """)).containsExactly("podbgp.yaml:4:14: node.podCidrs[0]: '10.240.1.1/24' has host bits set (did you mean 10.240.1.0/24?)");
    }

    @Test
    void routerIdRequired_whenNoIpv4AddressToDeriveItFrom() {
        assertThat(problems("""
                node:
                  asn: 65001
                listen:
                  address: "::"
                peers:
                  - {address: "2001:db8::1", asn: 65100, localAddress: "2001:db8::2"}
                """)).containsExactly("podbgp.yaml:2:3: node.routerId: required: no IPv4 listen.address or peer localAddress to derive it from");
    }

    @Test
    void rfc6286_s2_1_routerIdZero() {
        assertThat(problems("""
                node:
                  asn: 65001
                  routerId: 0.0.0.0
                """)).contains("podbgp.yaml:3:13: node.routerId: 0.0.0.0 is not a valid router id (RFC 6286 §2.1: non-zero)");
    }

    @Test
    void booleansAreOnlyTrueOrFalse_notYaml11Words() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, passive: yes}
                """)).containsExactly("podbgp.yaml:5:47: peers[0].passive: expected true or false, found 'yes'");
    }

    @Test
    void gtsmAndMultihopTogether() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, gtsm: true, multihop: 2}
                """)).containsExactly("podbgp.yaml:5:60: peers[0].multihop: give gtsm or multihop, not both:"
                + " GTSM sends TTL 255 by definition (RFC 5082 §3)");
    }

    @Test
    void passwordAndPasswordFileTogether() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, password: s3cret, passwordFile: /etc/podbgp/tor1}
                """)).containsExactly("podbgp.yaml:5:70: peers[0].passwordFile: give password or passwordFile, not both");
    }

    @Test
    void rfc2385_passwordLongerThanLinuxAccepts() {
        assertThat(problems(NODE + """
                peers:
                  - address: 192.0.2.1
                    asn: 65100
                    password: %s
                """.formatted("x".repeat(81)))).containsExactly("podbgp.yaml:7:15: peers[0].password: a password has 1 to 80 characters");
    }

    @Test
    void localAddressOfTheOtherFamily() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, localAddress: "2001:db8::1"}
                """)).containsExactly("podbgp.yaml:5:52: peers[0].localAddress: '2001:db8::1' is not of the same family as the peer address 192.0.2.1");
    }

    @Test
    void unsupportedFamily() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, families: [ipv4 flow]}
                """)).containsExactly("podbgp.yaml:5:49: peers[0].families[0]: 'ipv4 flow' is not a supported family;"
                + " expected 'ipv4 unicast' or 'ipv6 unicast'");
    }

    @Test
    void meshPeerInAnotherAs() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.12, asn: 65002, kind: mesh}
                """)).containsExactly("podbgp.yaml:5:32: peers[0].asn: a mesh peer is in this node's AS 65001, not 65002");
    }

    @Test
    void routeReflectorClientWithoutTheRole() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.12, asn: 65001, kind: mesh, routeReflectorClient: true}
                """)).containsExactly("podbgp.yaml:5:73: peers[0].routeReflectorClient: needs roles.routeReflector: true");
    }

    @Test
    void maxPrefixRestartAfterWithStop() {
        assertThat(problems(NODE + """
                peers:
                  - address: 192.0.2.1
                    asn: 65100
                    maxPrefix: {limit: 100, action: stop, restartAfter: 60}
                """)).containsExactly("podbgp.yaml:7:57: peers[0].maxPrefix.restartAfter: restartAfter applies to action teardown;"
                + " a stopped peer keeps its session");
    }

    @Test
    void policyRuleErrors_namePolicyRuleAndField() {
        assertThat(problems(NODE + """
                policies:
                  from-tor:
                    rules:
                      - match:
                          prefixes: [10.0.0.0/8 ge 4]
                          communityAnyOf: [70000:1]
                          asPathLength: "about 3"
                        actions:
                          - setLocalPref: -1
                          - prepend: 300
                        then: drop
                """)).containsExactly(
                "podbgp.yaml:8:22: policies.from-tor.rules[0].match.prefixes[0]: '10.0.0.0/8 ge 4 le 32' needs 8 <= ge <= le <= 32",
                "podbgp.yaml:9:28: policies.from-tor.rules[0].match.communityAnyOf[0]: '70000:1' needs two parts in 0..65535;"
                        + " use a large community for 32-bit ASNs",
                "podbgp.yaml:10:25: policies.from-tor.rules[0].match.asPathLength: 'about 3' is not an AS path length comparison (e.g. \"<= 3\")",
                "podbgp.yaml:12:27: policies.from-tor.rules[0].actions[0].setLocalPref: -1 is not a LOCAL_PREF in 0..4294967295",
                "podbgp.yaml:13:22: policies.from-tor.rules[0].actions[1].prepend: 300 is not in 1..255",
                "podbgp.yaml:14:15: policies.from-tor.rules[0].then: 'drop' is not allowed; expected one of: accept, reject, continue");
    }

    @Test
    void unknownActionKey_suggests() {
        assertThat(problems(NODE + """
                policies:
                  p:
                    rules:
                      - actions:
                          - setLocalPreference: 100
                """)).containsExactly("podbgp.yaml:8:13: policies.p.rules[0].actions[0].setLocalPreference:"
                + " unknown key 'setLocalPreference', did you mean 'setLocalPref'?");
    }

    @Test
    void twoKeysInOneAction() {
        assertThat(problems(NODE + """
                policies:
                  p:
                    rules:
                      - actions:
                          - {setLocalPref: 100, setMed: 5}
                """)).containsExactly("podbgp.yaml:8:13: policies.p.rules[0].actions[0]: an action is one key (e.g. setLocalPref: 200), found 2");
    }

    @Test
    void yamlSyntaxError_hasItsPlace() {
        assertThat(problems("""
                node:
                  asn: 65001
                   routerId: 192.0.2.11
                """)).singleElement().asString().startsWith("podbgp.yaml:3:").contains("YAML syntax:");
    }

    @Test
    void emptyFile() {
        assertThat(problems("# nothing\n")).containsExactly("podbgp.yaml: the file is empty; at least node.asn is needed");
    }

    @Test
    void wrongShape_listWhereAMappingBelongs() {
        assertThat(problems(NODE + """
                fib: [254]
                """)).containsExactly("podbgp.yaml:4:6: fib: expected a mapping, found a list");
    }

    @Test
    void fibLocalTable_andKernelProtocol() {
        assertThat(problems(NODE + """
                fib: {table: 255, protocol: 2}
                """)).containsExactly(
                "podbgp.yaml:4:14: fib.table: 255 is the kernel's local table; use main (254) or a table of your own",
                "podbgp.yaml:4:29: fib.protocol: 2 is not in 5..255");
    }

    @Test
    void rfc8200_s5_bridgeMtuBelowIpv6Minimum() {
        assertThat(problems("""
                node:
                  asn: 65001
                  routerId: 192.0.2.11
                  podCidrs: ["fd00:240:1::/64"]
                cni: {mtu: 1200}
                """)).containsExactly("podbgp.yaml:5:12: cni.mtu: 1200 is below 1280, the IPv6 minimum (RFC 8200 §5), and podCidrs has IPv6");
    }

    @Test
    void bridgeNameLongerThanIfnamsiz() {
        assertThat(problems(NODE + """
                cni: {bridgeName: a-very-long-bridge}
                """)).containsExactly("podbgp.yaml:4:19: cni.bridgeName: 'a-very-long-bridge' is not a Linux interface name"
                + " (1..15 characters, no '/', ':' or spaces)");
    }

    @Test
    void relativeControlSocket() {
        assertThat(problems(NODE + """
                controlSocket: podbgp.sock
                """)).containsExactly("podbgp.yaml:4:16: controlSocket: 'podbgp.sock' must be an absolute path");
    }

    @Test
    void clusterIdWithoutRouteReflector() {
        assertThat(problems(NODE + """
                roles: {clusterId: 1.1.1.1}
                """)).containsExactly("podbgp.yaml:4:20: roles.clusterId: a cluster id needs routeReflector: true");
    }

    @Test
    void twoYamlDocuments() {
        assertThat(problems(NODE + "---\n" + NODE)).containsExactly("podbgp.yaml:5:1: a config is one YAML document; found 2");
    }

    @Test
    void topLevelList() {
        assertThat(problems("- node\n")).containsExactly("podbgp.yaml:1:1: the top level must be a mapping of sections (node, peers, ...)");
    }

    @Test
    void mappingAsAKey() {
        assertThat(problems(NODE + "? {a: 1}\n: 2\n")).containsExactly("podbgp.yaml:4:3: a key must be plain text");
    }

    @Test
    void duplicateListItem() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, families: [ipv4 unicast, ipv4 unicast]}
                """)).containsExactly("podbgp.yaml:5:63: peers[0].families[1]: 'ipv4 unicast' is listed twice");
    }

    @Test
    void unknownEnumValue_suggests() {
        assertThat(problems(NODE + """
                logging: {format: keyvalue}
                """)).containsExactly("podbgp.yaml:4:19: logging.format: 'keyvalue' is not allowed, did you mean 'keyValue'?");
    }

    @Test
    void numberTooLargeForAnyRange() {
        assertThat(problems("""
                node:
                  asn: 9999999999999999999
                  routerId: 192.0.2.11
                """)).containsExactly("podbgp.yaml:2:8: node.asn: 9999999999999999999 is not a valid AS number");
    }

    @Test
    void emptyFamilies() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, families: []}
                """)).containsExactly("podbgp.yaml:5:48: peers[0].families: a peer needs at least one family");
    }

    @Test
    void familiesAsAMapping_isOneError() {
        assertThat(problems(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, families: {ipv4: unicast}}
                """)).containsExactly("podbgp.yaml:5:48: peers[0].families: expected a list, found a mapping");
    }
}
