package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.BOTH;
import static dev.podbgp.bgp.session.SessionFixture.LOCAL_AS;
import static dev.podbgp.bgp.session.SessionFixture.LOCAL_ID;
import static dev.podbgp.bgp.session.SessionFixture.PEER_AS;
import static dev.podbgp.bgp.session.SessionFixture.sentNotification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.session.SessionReport.MessageIgnored;
import dev.podbgp.bgp.session.SessionReport.RefreshBegin;
import dev.podbgp.bgp.session.SessionReport.RefreshEnd;
import dev.podbgp.bgp.session.SessionReport.RefreshRequested;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.FourOctetAs;
import dev.podbgp.bgp.wire.capability.Multiprotocol;
import dev.podbgp.bgp.wire.capability.RouteRefreshCapability;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.RouteRefresh;
import dev.podbgp.bgp.wire.message.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ROUTE-REFRESH (RFC 2918), enhanced route refresh (RFC 7313) and End-of-RIB (RFC 4724 §2) in Established. */
class RouteRefreshSessionTest {

    private static final Family V4 = Family.IPV4_UNICAST;
    private static final Family V6 = Family.IPV6_UNICAST;

    /** A peer with both families, route refresh but no enhanced route refresh. */
    private static List<Capability> plainRefreshPeer() {
        return List.of(new Multiprotocol(V4), new Multiprotocol(V6), RouteRefreshCapability.INSTANCE, new FourOctetAs(PEER_AS));
    }

    @Test
    void rfc2918_s4_refreshRequest_asksTheRibToResendWithEnhancedMarkers() {
        SessionFixture f = new SessionFixture().established();
        assertThat(f.receive(RouteRefresh.normal(V6))).containsExactly(new RefreshRequested(V6, true));
    }

    @Test
    void rfc7313_s4_peerWithoutEnhancedRefresh_getsAPlainResend() {
        SessionFixture f = new SessionFixture().established(SessionFixture.peerOpen(90, plainRefreshPeer()));
        assertThat(f.receive(RouteRefresh.normal(V4))).containsExactly(new RefreshRequested(V4, false));
        NegotiatedSession n = f.session.negotiated().orElseThrow();
        assertThatThrownBy(() -> n.beginOfRouteRefresh(V4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rfc7313_s4_borrAndEorr_areSurfacedForTheStaleSweep() {
        SessionFixture f = new SessionFixture().established();
        assertThat(f.receive(new RouteRefresh(V4, RouteRefresh.BEGIN))).containsExactly(new RefreshBegin(V4));
        assertThat(f.receive(new RouteRefresh(V4, RouteRefresh.END))).containsExactly(new RefreshEnd(V4));
    }

    @Test
    void rfc7313_s5_unknownSubtype_isIgnored() {
        SessionFixture f = new SessionFixture().established();
        RouteRefresh odd = new RouteRefresh(V4, 7);
        var actions = f.receive(odd);
        assertThat(actions).hasSize(1).first().isInstanceOfSatisfying(MessageIgnored.class, i -> {
            assertThat(i.message()).isEqualTo(odd);
            assertThat(i.reason()).contains("RFC 7313 §5");
        });
        assertThat(f.session.state()).isEqualTo(SessionState.ESTABLISHED);
    }

    @Test
    void rfc2918_s4_refreshForAFamilyNotNegotiated_isIgnored() {
        SessionFixture f = new SessionFixture().established();
        var actions = f.receive(RouteRefresh.normal(new Family(1, 128)));
        assertThat(actions).hasSize(1).first().isInstanceOf(MessageIgnored.class);
    }

    @Test
    void rfc2918_s4_refreshWhenWeDidNotAdvertiseTheCapability_isIgnored() {
        SessionConfig noRefresh = SessionConfig.of(LOCAL_AS, PEER_AS, LOCAL_ID, BOTH)
                .withCapabilities(List.of(new Multiprotocol(V4), new FourOctetAs(LOCAL_AS)), List.of());
        SessionFixture f = new SessionFixture(noRefresh).established();
        assertThat(f.receive(RouteRefresh.normal(V4))).hasSize(1).first().isInstanceOf(MessageIgnored.class);
        assertThat(f.receive(new RouteRefresh(V4, RouteRefresh.BEGIN))).hasSize(1).first().isInstanceOf(MessageIgnored.class);
    }

    @Test
    void rfc7313_s5_routeRefreshOfWrongLength_sendsInvalidMessageLengthWithTheMessage() {
        SessionFixture f = new SessionFixture().established();
        byte[] frame = Bytes.fromHex("FF".repeat(16) + "0018" + "05" + "0001000100");
        var actions = f.handle(SessionEvent.decoded(MessageCodec.decode(frame, 0, frame.length, f.session.codec())));
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.ROUTE_REFRESH_INVALID_MESSAGE_LENGTH, frame));
    }

    @Test
    void rfc4724_s2_endOfRibIsBuiltPerNegotiatedFamily() {
        SessionFixture f = new SessionFixture().established();
        NegotiatedSession n = f.session.negotiated().orElseThrow();
        assertThat(n.families()).containsExactly(V4, V6);
        assertThat(n.endOfRib(V4)).isEqualTo(Update.endOfRib(V4));
        assertThat(n.endOfRib(V6).endOfRibFamily()).isEqualTo(V6);
        // The IPv4 marker is the empty UPDATE: 23 octets on the wire.
        assertThat(Bytes.hex(MessageCodec.encode(n.endOfRib(V4), n.codec()))).isEqualTo("FF".repeat(16) + "0017" + "02" + "00000000");
        assertThatThrownBy(() -> n.endOfRib(new Family(1, 128))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rfc7313_s4_markersAndRequestsAreBuiltForThePeer() {
        SessionFixture f = new SessionFixture().established();
        NegotiatedSession n = f.session.negotiated().orElseThrow();
        assertThat(n.routeRefreshRequest(V6)).isEqualTo(RouteRefresh.normal(V6));
        assertThat(n.beginOfRouteRefresh(V6)).isEqualTo(new RouteRefresh(V6, RouteRefresh.BEGIN));
        assertThat(n.endOfRouteRefresh(V6)).isEqualTo(new RouteRefresh(V6, RouteRefresh.END));
    }

    @Test
    void rfc2918_s4_noRefreshRequestToAPeerWithoutTheCapability() {
        SessionFixture f = new SessionFixture().established(SessionFixture.peerOpen(90, List.of(new Multiprotocol(V4))));
        NegotiatedSession n = f.session.negotiated().orElseThrow();
        assertThat(n.peerAcceptsRouteRefresh()).isFalse();
        assertThatThrownBy(() -> n.routeRefreshRequest(V4)).isInstanceOf(IllegalStateException.class);
    }
}
