package dev.podbgp.lab.exabgp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.lab.Json;
import org.junit.jupiter.api.Test;

/** ExaBGP 4.2.21's "refresh" API line, as it wrote it in a lab run, is made parseable. */
class ExabgpRefreshLineTest {

    @Test
    void doublyQuotedRefreshValuesAreQuotedOnce() {
        String line = "{ \"exabgp\": \"4.0.1\", \"counter\": 12, \"type\": \"refresh\", \"neighbor\": { \"address\": "
                + "{ \"local\": \"10.77.1.2\", \"peer\": \"10.77.1.1\" }, \"direction\": \"receive\", \"route-refresh\": "
                + "{ \"afi\": \"\"ipv4\"\", \"safi\": \"\"unicast\"\", \"subtype\": \"\"query\"\" } } }";
        JsonNode r = Json.parse(ExabgpPeer.repairRefresh(line)).path("neighbor").path("route-refresh");
        assertThat(r.path("afi").asText()).isEqualTo("ipv4");
        assertThat(r.path("safi").asText()).isEqualTo("unicast");
        assertThat(r.path("subtype").asText()).isEqualTo("query");
    }

    @Test
    void otherLinesAreLeftAlone() {
        String line = "{ \"type\": \"update\", \"neighbor\": { \"message\": { \"eor\": { \"afi\" : \"ipv4\", \"safi\" : \"unicast\" } } } }";
        assertThat(ExabgpPeer.repairRefresh(line)).isEqualTo(line);
    }
}
