package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.BOTH;
import static dev.podbgp.bgp.session.SessionFixture.LOCAL_AS;
import static dev.podbgp.bgp.session.SessionFixture.LOCAL_ID;
import static dev.podbgp.bgp.session.SessionFixture.PEER_AS;
import static dev.podbgp.bgp.session.SessionFixture.PEER_ID;
import static dev.podbgp.bgp.session.SessionFixture.down;
import static dev.podbgp.bgp.session.SessionFixture.sentNotification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.FourOctetAs;
import dev.podbgp.bgp.wire.capability.Multiprotocol;
import dev.podbgp.bgp.wire.capability.RouteRefreshCapability;
import dev.podbgp.bgp.wire.capability.UnknownCapability;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.bgp.wire.message.OptionalParameter;
import dev.podbgp.inet.Ipv4Address;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks of a received OPEN (RFC 4271 §6.2, RFC 6286, RFC 6793, RFC 7607, RFC 5492 §5). */
class OpenCheckTest {

    private static List<Capability> caps(long asn) {
        return SessionConfig.standardCapabilities(asn, BOTH);
    }

    /** Drives a default session to OpenSent, hands it {@code peer}, returns the NOTIFICATION sent. */
    private static Notification refusal(SessionFixture f, Open peer) {
        f.openSent();
        var actions = f.receive(peer);
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
        assertThat(down(actions).reason()).isEqualTo(DownReason.PROTOCOL_ERROR);
        return sentNotification(actions);
    }

    private static void accepted(SessionFixture f, Open peer) {
        f.openSent();
        f.receive(peer);
        assertThat(f.session.state()).isEqualTo(SessionState.OPEN_CONFIRM);
    }

    @Test
    void rfc4271_s6_2_versionOtherThan4_isUnsupportedVersionWithLargestSupported() {
        Open v3 = new Open(3, (int) PEER_AS, 90, PEER_ID, caps(PEER_AS), List.of());
        assertThat(refusal(new SessionFixture(), v3))
                .isEqualTo(Notification.of(BgpError.UNSUPPORTED_VERSION_NUMBER, Bytes.fromHex("0004")));
    }

    @Test
    void rfc4271_s6_2_unexpectedPeerAs_isBadPeerAs() {
        Open wrong = Open.of(65099, 90, PEER_ID, caps(65099));
        assertThat(refusal(new SessionFixture(), wrong)).isEqualTo(Notification.of(BgpError.BAD_PEER_AS));
    }

    @Test
    void rfc6793_s4_1_fourOctetPeerAsIsReadFromTheCapability() {
        long big = 4_200_000_000L;
        SessionFixture f = new SessionFixture(SessionConfig.of(LOCAL_AS, big, LOCAL_ID, BOTH));
        Open peer = Open.of(big, 90, PEER_ID, caps(big));
        assertThat(peer.myAs()).isEqualTo(Open.AS_TRANS);
        accepted(f, peer);
        assertThat(f.session.negotiated().orElseThrow().peerAs()).isEqualTo(big);
    }

    @Test
    void rfc6793_s4_1_asTransWithoutTheCapability_isBadPeerAs() {
        long big = 4_200_000_000L;
        SessionFixture f = new SessionFixture(SessionConfig.of(LOCAL_AS, big, LOCAL_ID, BOTH));
        Open old = Open.of(Open.AS_TRANS, 90, PEER_ID, List.of(new Multiprotocol(Family.IPV4_UNICAST)));
        assertThat(refusal(f, old)).isEqualTo(Notification.of(BgpError.BAD_PEER_AS));
    }

    @Test
    void rfc7607_s2_asZeroInTheOpen_isBadPeerAs() {
        Open zeroField = new Open(4, 0, 90, PEER_ID, caps(PEER_AS), List.of());
        assertThat(refusal(new SessionFixture(), zeroField)).isEqualTo(Notification.of(BgpError.BAD_PEER_AS));
    }

    @Test
    void rfc4271_s6_2_holdTimeOneIsUnacceptable() {
        assertThat(refusal(new SessionFixture(), SessionFixture.peerOpen(1, caps(PEER_AS))))
                .isEqualTo(Notification.of(BgpError.UNACCEPTABLE_HOLD_TIME));
    }

    @Test
    void rfc4271_s6_2_holdTimeTwoIsUnacceptable() {
        assertThat(refusal(new SessionFixture(), SessionFixture.peerOpen(2, caps(PEER_AS))))
                .isEqualTo(Notification.of(BgpError.UNACCEPTABLE_HOLD_TIME));
    }

    @Test
    void rfc4271_s4_2_holdTimeThree_negotiatesThreeWithOneSecondKeepalives() {
        SessionFixture f = new SessionFixture();
        accepted(f, SessionFixture.peerOpen(3, caps(PEER_AS)));
        NegotiatedSession n = f.session.negotiated().orElseThrow();
        assertThat(n.holdTime()).isEqualTo(3);
        assertThat(n.keepaliveTime()).isEqualTo(1);
    }

    @Test
    void rfc4271_s4_2_negotiatedHoldTimeIsTheSmallerAndKeepaliveAThirdOfIt() {
        SessionFixture f = new SessionFixture();
        accepted(f, SessionFixture.peerOpen(60, caps(PEER_AS)));
        NegotiatedSession n = f.session.negotiated().orElseThrow();
        assertThat(n.holdTime()).isEqualTo(60);
        // Configured 30 s would exceed a third of 60 s (RFC 4271 §4.4).
        assertThat(n.keepaliveTime()).isEqualTo(20);
    }

    @Test
    void rfc4271_s4_2_peerHoldTimeZero_meansNoKeepalives() {
        SessionFixture f = new SessionFixture();
        accepted(f, SessionFixture.peerOpen(0, caps(PEER_AS)));
        assertThat(f.session.negotiated().orElseThrow().keepaliveTime()).isZero();
    }

    @Test
    void rfc6286_s2_2_zeroIdentifier_isBadBgpIdentifier() {
        Open zero = Open.of(PEER_AS, 90, Ipv4Address.ANY, caps(PEER_AS));
        assertThat(refusal(new SessionFixture(), zero)).isEqualTo(Notification.of(BgpError.BAD_BGP_IDENTIFIER));
    }

    @Test
    void rfc4271_s6_2_aDynamicNeighboursRangeAcceptsEachOfItsAsAndNoOther() {
        SessionConfig range = SessionConfig.of(LOCAL_AS, PEER_AS, LOCAL_ID, BOTH)
                .withAcceptedPeerAs(new PeerAsRule.Range(65001, 65010));
        assertThat(range.peerAs()).as("representative").isEqualTo(65001);
        for (long asn : new long[] {65001, 65005, 65010}) {
            accepted(new SessionFixture(range), Open.of(asn, 90, PEER_ID, caps(asn)));
        }
        for (long asn : new long[] {65000, 65011}) {
            assertThat(refusal(new SessionFixture(range), Open.of(asn, 90, PEER_ID, caps(asn))))
                    .isEqualTo(Notification.of(BgpError.BAD_PEER_AS));
        }
    }

    @Test
    void rfc4271_s6_2_externalAcceptsEveryAsButOurs() {
        SessionConfig external = SessionConfig.of(LOCAL_AS, PEER_AS, LOCAL_ID, BOTH).withAcceptedPeerAs(new PeerAsRule.External());
        accepted(new SessionFixture(external), Open.of(4200000000L, 90, PEER_ID, caps(4200000000L)));
        assertThat(refusal(new SessionFixture(external), Open.of(LOCAL_AS, 90, PEER_ID, caps(LOCAL_AS))))
                .isEqualTo(Notification.of(BgpError.BAD_PEER_AS));
    }

    @Test
    void rfc6286_s2_2_aRangeAdmittingOurAsChecksTheIdentifierOfAnInternalOpen() {
        SessionConfig range = SessionConfig.of(LOCAL_AS, PEER_AS, LOCAL_ID, BOTH)
                .withAcceptedPeerAs(new PeerAsRule.Range(Math.min(LOCAL_AS, PEER_AS), Math.max(LOCAL_AS, PEER_AS)));
        assertThat(refusal(new SessionFixture(range), Open.of(LOCAL_AS, 90, LOCAL_ID, caps(LOCAL_AS))))
                .isEqualTo(Notification.of(BgpError.BAD_BGP_IDENTIFIER));
        accepted(new SessionFixture(range), Open.of(PEER_AS, 90, LOCAL_ID, caps(PEER_AS)));
    }

    @Test
    void rfc6286_s2_2_internalPeerWithOurIdentifier_isBadBgpIdentifier() {
        SessionFixture f = new SessionFixture(SessionConfig.of(LOCAL_AS, LOCAL_AS, LOCAL_ID, BOTH));
        Open same = Open.of(LOCAL_AS, 90, LOCAL_ID, caps(LOCAL_AS));
        assertThat(refusal(f, same)).isEqualTo(Notification.of(BgpError.BAD_BGP_IDENTIFIER));
    }

    @Test
    void rfc6286_s2_2_externalPeerMayShareOurIdentifier() {
        accepted(new SessionFixture(), Open.of(PEER_AS, 90, LOCAL_ID, caps(PEER_AS)));
    }

    @Test
    void rfc4271_s6_2_optionalParameterOtherThanCapabilities_isUnsupportedOptionalParameter() {
        Open withAuth = new Open(4, (int) PEER_AS, 90, PEER_ID, caps(PEER_AS), List.of(new OptionalParameter(1, new byte[] {1})));
        assertThat(refusal(new SessionFixture(), withAuth)).isEqualTo(Notification.of(BgpError.UNSUPPORTED_OPTIONAL_PARAMETER));
    }

    @Test
    void rfc5492_s5_missingRequiredCapability_isUnsupportedCapabilityListingIt() {
        SessionConfig base = SessionConfig.of(LOCAL_AS, PEER_AS, LOCAL_ID, BOTH);
        FourOctetAs ours = new FourOctetAs(LOCAL_AS);
        Multiprotocol v6 = new Multiprotocol(Family.IPV6_UNICAST);
        SessionFixture f = new SessionFixture(base.withCapabilities(base.capabilities(), List.of(v6, ours)));
        Open ipv4Only2Octet = Open.of(PEER_AS, 90, PEER_ID, List.of(new Multiprotocol(Family.IPV4_UNICAST)));
        // Data: the missing capabilities as sent in our OPEN, code/length/value (65001 = 0xFDE9).
        assertThat(refusal(f, ipv4Only2Octet)).isEqualTo(Notification.of(BgpError.UNSUPPORTED_CAPABILITY,
                Bytes.fromHex("010400020001" + "41040000FDE9")));
    }

    @Test
    void rfc5492_s5_requiredCapabilityMatchesByCodeNotValue() {
        SessionConfig base = SessionConfig.of(LOCAL_AS, PEER_AS, LOCAL_ID, BOTH);
        SessionFixture f = new SessionFixture(base.withCapabilities(base.capabilities(), List.of(new FourOctetAs(LOCAL_AS))));
        // The peer's 4-octet AS capability carries its own AS, not ours.
        accepted(f, SessionFixture.peerOpen());
    }

    @Test
    void rfc5492_s3_unknownCapabilityIsIgnored() {
        List<Capability> withUnknown = new java.util.ArrayList<>(caps(PEER_AS));
        withUnknown.add(new UnknownCapability(200, new byte[] {1, 2, 3}));
        accepted(new SessionFixture(), SessionFixture.peerOpen(90, withUnknown));
    }

    @Test
    void rfc4760_s8_familiesAreThoseBothAdvertised() {
        SessionFixture f = new SessionFixture();
        accepted(f, SessionFixture.peerOpen(90, List.of(new Multiprotocol(Family.IPV6_UNICAST), new FourOctetAs(PEER_AS))));
        assertThat(f.session.negotiated().orElseThrow().families()).containsExactly(Family.IPV6_UNICAST);
    }

    @Test
    void rfc4760_s8_peerWithoutMultiprotocolSpeaksIpv4UnicastOnly() {
        SessionFixture f = new SessionFixture();
        accepted(f, SessionFixture.peerOpen(90, List.of(RouteRefreshCapability.INSTANCE)));
        NegotiatedSession n = f.session.negotiated().orElseThrow();
        assertThat(n.families()).containsExactly(Family.IPV4_UNICAST);
        assertThat(n.codec().fourOctetAs()).isFalse();
    }

    @Test
    void negotiatedFamiliesKeepOurOrder() {
        SessionFixture f = new SessionFixture();
        accepted(f, SessionFixture.peerOpen(90, List.of(new Multiprotocol(Family.IPV6_UNICAST),
                new Multiprotocol(Family.IPV4_UNICAST))));
        assertThat(f.session.negotiated().orElseThrow().families()).containsExactly(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
        assertThat(Set.copyOf(f.config.open().capabilities(Multiprotocol.class))).hasSize(2);
    }
}
