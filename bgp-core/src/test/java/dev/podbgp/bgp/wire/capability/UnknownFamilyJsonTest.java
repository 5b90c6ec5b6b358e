package dev.podbgp.bgp.wire.capability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.message.RouteRefresh;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Capabilities and ROUTE-REFRESH naming a family ExaBGP 4.2.21 has no name for. ExaBGP prints
 * them with {@code str(afi)/str(safi)} (mp.py, addpath.py, graceful.py, nexthop.py), so an
 * OPEN listing AFI 99 / SAFI 7 shows {@code "unknown-afi-0x0x63/unknown safi 7"} (names pinned
 * in {@code FamilyTest}; --decode renders no OPEN, so these are not run through the oracle).
 */
class UnknownFamilyJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Family ODD = Family.of(99, 7);
    private static final Family MUP = Family.of(1, 73);

    private static JsonNode json(List<Capability> caps) throws Exception {
        JsonOut out = new JsonOut();
        CapabilitiesJson.append(out, caps);
        return MAPPER.readTree(out.toString());
    }

    @Test
    void multiprotocol_addPath_gracefulRestart_nexthop_useExabgpsUnknownNames() throws Exception {
        JsonNode j = json(List.of(new Multiprotocol(ODD), new Multiprotocol(MUP),
                new AddPath(List.of(new AddPath.Entry(ODD, 3))),
                new GracefulRestart(0, 120, List.of(new GracefulRestart.Entry(ODD, 0x80))),
                new ExtendedNextHop(List.of(new ExtendedNextHop.Entry(99, 7, 99)))));
        assertThat(j.get("1").get("families").toString())
                .isEqualTo("[\"unknown-afi-0x0x63/unknown safi 7\",\"ipv4/unknown safi 73\"]");
        assertThat(j.get("69").get("unknown-afi-0x0x63/unknown safi 7").asText()).isEqualTo("send/receive");
        assertThat(j.get("64").get("address-family-flags").has("unknown-afi-0x0x63/unknown safi 7")).isTrue();
        assertThat(j.get("5").get("conversion").get(0).asText())
                .isEqualTo("unknown-afi-0x0x63/unknown safi 7/unknown-afi-0x0x63");
    }

    @Test
    void routeRefresh_forAnUnknownFamily_namesItLikeExabgp() throws Exception {
        JsonOut out = new JsonOut();
        RouteRefresh.normal(ODD).appendJson(out);
        JsonNode j = MAPPER.readTree(out.toString());
        assertThat(j.get("afi").asText()).isEqualTo("unknown-afi-0x0x63");
        assertThat(j.get("safi").asText()).isEqualTo("unknown safi 7");
    }
}
