package dev.podbgp.config;

import static dev.podbgp.config.Configs.NODE;
import static dev.podbgp.config.Configs.load;
import static dev.podbgp.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.DesiredStateDiff;
import dev.podbgp.config.state.PeerField;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code peers[].nextHop}: our next hop per family for a session, each address checked for its family. */
class NextHopConfigTest {

    private static DesiredState withPeer(String peerLine) throws ConfigException {
        return load(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100%s}
                """.formatted(peerLine)).state();
    }

    @Test
    void absentMeansFoundOnTheSession() throws ConfigException {
        assertThat(withPeer("").peers().getFirst().nextHop()).isEqualTo(NextHopSpec.NONE);
    }

    @Test
    void bothFamiliesAreRead() throws ConfigException {
        assertThat(withPeer(", nextHop: {ipv4: 192.0.2.10, ipv6: '2001:db8::10'}").peers().getFirst().nextHop())
                .isEqualTo(new NextHopSpec(Optional.of(Ipv4Address.parse("192.0.2.10")),
                        Optional.of(Ipv6Address.parse("2001:db8::10"))));
        assertThat(withPeer(", nextHop: {ipv6: '2001:db8::10'}").peers().getFirst().nextHop().ipv4()).isEmpty();
    }

    @Test
    void anAddressOfTheWrongFamily_orOneNoPeerCanUse_isRefusedNamingLineAndField() {
        assertThat(problems(NODE + """
                peers:
                  - address: 192.0.2.1
                    asn: 65100
                    nextHop:
                      ipv4: '2001:db8::10'
                      ipv6: 192.0.2.10
                """)).containsExactly(
                "podbgp.yaml:8:13: peers[0].nextHop.ipv4: '2001:db8::10' is not an IPv4 address",
                "podbgp.yaml:9:13: peers[0].nextHop.ipv6: '192.0.2.10' is not an IPv6 address");
        assertThat(problems(NODE + """
                peers:
                  - address: 192.0.2.1
                    asn: 65100
                    nextHop: {ipv4: 224.0.0.5, ipv6: 'fe80::1', via: eth0}
                """)).containsExactly(
                "podbgp.yaml:7:21: peers[0].nextHop.ipv4: '224.0.0.5' is not a unicast address a peer can send to",
                "podbgp.yaml:7:38: peers[0].nextHop.ipv6: 'fe80::1' is link-local; give a global address (the"
                        + " link-local of the session's interface is sent next to it on its own)",
                "podbgp.yaml:7:49: peers[0].nextHop.via: unknown key 'via'; expected one of: ipv4, ipv6");
    }

    @Test
    void aChangedNextHopResetsTheSession_itIsChosenWhenTheSessionComesUp() throws ConfigException {
        DesiredState before = withPeer("");
        DesiredState after = withPeer(", nextHop: {ipv6: '2001:db8::10'}");
        DesiredStateDiff diff = DesiredStateDiff.between(before, after);
        assertThat(diff.peersChanged().getFirst().fields()).containsExactly(PeerField.NEXT_HOP);
        assertThat(diff.peersToReset()).containsExactly(before.peers().getFirst().address());
    }
}
