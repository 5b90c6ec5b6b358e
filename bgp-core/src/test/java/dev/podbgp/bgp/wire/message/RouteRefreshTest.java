package dev.podbgp.bgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import org.junit.jupiter.api.Test;

class RouteRefreshTest {

    static final SessionCapabilities CAPS = SessionCapabilities.RFC4271;

    static DecodeResult<BgpMessage> decode(String hex) {
        byte[] b = Bytes.fromHex(hex);
        return MessageCodec.decode(b, 0, b.length, CAPS);
    }

    @Test
    void rfc2918_s3_normalRequestForIpv4Unicast() {
        RouteRefresh rr = RouteRefresh.normal(Family.IPV4_UNICAST);
        String hex = "FF".repeat(16) + "0017050001" + "00" + "01";
        assertThat(Bytes.hex(MessageCodec.encode(rr, CAPS))).isEqualTo(hex);
        assertThat(decode(hex).orThrow()).isEqualTo(rr);
    }

    @Test
    void rfc7313_s3_beginAndEndOfRouteRefresh() {
        assertThat(decode("FF".repeat(16) + "001705" + "00020101").orThrow())
                .isEqualTo(new RouteRefresh(Family.IPV6_UNICAST, RouteRefresh.BEGIN));
        assertThat(Bytes.hex(MessageCodec.encode(new RouteRefresh(Family.IPV6_UNICAST, RouteRefresh.END), CAPS)))
                .endsWith("00020201");
    }

    @Test
    void rfc7313_s5_routeRefreshLengthFiveIsInvalid() {
        String whole = "FF".repeat(16) + "001805" + "0001010100";
        var problem = ((DecodeResult.Malformed<BgpMessage>) decode(whole)).problem();
        assertThat(problem.error()).isEqualTo(BgpError.ROUTE_REFRESH_INVALID_MESSAGE_LENGTH);
        // RFC 7313 §5: the data is the complete ROUTE-REFRESH message.
        assertThat(Bytes.hex(problem.data())).isEqualTo(whole);
    }

    @Test
    void rfc7313_s5_routeRefreshLengthThreeIsInvalid() {
        var problem = ((DecodeResult.Malformed<BgpMessage>) decode("FF".repeat(16) + "001605" + "000101")).problem();
        assertThat(problem.error()).isEqualTo(BgpError.ROUTE_REFRESH_INVALID_MESSAGE_LENGTH);
    }

    @Test
    void rfc7313_s5_unknownSubtypeIsDecodedForTheSessionToIgnore() {
        RouteRefresh rr = (RouteRefresh) decode("FF".repeat(16) + "001705" + "00010301").orThrow();
        assertThat(rr.subtype()).isEqualTo(3);
        assertThat(rr.isKnownSubtype()).isFalse();
        assertThat(RouteRefresh.normal(Family.IPV4_UNICAST).isKnownSubtype()).isTrue();
    }
}
