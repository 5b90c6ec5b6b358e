package dev.podbgp.daemon.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.bgp.wire.capability.Multiprotocol;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.inet.Ipv4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a peer's Graceful Restart capability makes us keep (RFC 4724 §4.2), read from its OPEN. */
class GracefulRestartTermsTest {

    private static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    /** A session over both unicast families whose peer sent {@code peerCapabilities} besides multiprotocol. */
    private static NegotiatedSession session(Capability... peerCapabilities) {
        List<Capability> caps = new ArrayList<>(List.of(new Multiprotocol(Family.IPV4_UNICAST), new Multiprotocol(Family.IPV6_UNICAST)));
        caps.addAll(List.of(peerCapabilities));
        Open local = Open.of(65001, 90, Ipv4Address.parse("10.0.0.1"), List.of());
        Open peer = Open.of(65002, 90, Ipv4Address.parse("10.0.0.2"), caps);
        return new NegotiatedSession(SessionCapabilities.RFC4271, BOTH, 90, 30, 65002, peer.bgpIdentifier(), local, peer);
    }

    @Test
    void rfc4724_s4_2_everyFamilyListedIsRetainedWhateverItsForwardingStateBit() {
        // BIRD's default and FRR without preserve-fw-state: the families are listed with F = 0.
        NegotiatedSession n = session(new GracefulRestart(0, 120, List.of(
                new GracefulRestart.Entry(Family.IPV4_UNICAST, 0),
                new GracefulRestart.Entry(Family.IPV6_UNICAST, GracefulRestart.FORWARDING_STATE))));

        GracefulRestartTerms terms = GracefulRestartTerms.of(n);

        assertThat(terms.retained()).containsExactlyInAnyOrder(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
        assertThat(terms.keepsRoutes()).isTrue();
        assertThat(terms.restartTime()).isEqualTo(Duration.ofSeconds(120));
        assertThat(GracefulRestartTerms.forwardingPreserved(n)).containsExactly(Family.IPV6_UNICAST);
    }

    @Test
    void rfc4724_s4_2_aFamilyTheCapabilityDoesNotListIsNotRetained() {
        NegotiatedSession n = session(new GracefulRestart(0, 60, List.of(new GracefulRestart.Entry(Family.IPV6_UNICAST, 0))));

        assertThat(GracefulRestartTerms.of(n).retained()).containsExactly(Family.IPV6_UNICAST);
        assertThat(GracefulRestartTerms.forwardingPreserved(n)).isEmpty();
    }

    @Test
    void rfc4724_s3_aCapabilityWithoutFamiliesKeepsNothing() {
        NegotiatedSession n = session(new GracefulRestart(0, 120, List.of()));

        assertThat(GracefulRestartTerms.of(n).keepsRoutes()).isFalse();
    }

    @Test
    void withoutTheCapabilityNothingIsRetainedOrPreserved() {
        NegotiatedSession n = session();

        assertThat(GracefulRestartTerms.of(n).retained()).isEmpty();
        assertThat(GracefulRestartTerms.forwardingPreserved(n)).isEmpty();
    }
}
