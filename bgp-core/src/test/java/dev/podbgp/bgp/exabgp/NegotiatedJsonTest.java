package dev.podbgp.bgp.exabgp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The negotiated line, field for field as ExaBGP 4.2.21's {@code JSON._negotiated} (reactor/api/response/json.py). */
class NegotiatedJsonTest {

    @Test
    void negotiatedLine_hasExabgpsFieldsInItsOrder() throws Exception {
        ExabgpNeighbor n = new ExabgpNeighbor(IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.2"), 65001, 65002);
        String line = ExabgpJson.negotiated(new Envelope(1700000000.5, "node1", 10, 1, 3), n,
                new NegotiatedJson(4096, 90, true, "normal", List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST),
                        List.of(Family.IPV4_UNICAST), List.of(), List.of(Family.IPV6_UNICAST)));
        // JsonOut spaces tokens as ExaBGP does.
        assertThat(line).isEqualTo("{ \"exabgp\": \"4.0.1\", \"time\": 1700000000.5, \"host\": \"node1\", \"pid\": 10, "
                + "\"ppid\": 1, \"counter\": 3, \"type\": \"negotiated\", \"neighbor\": { \"address\": { \"local\": "
                + "\"10.0.0.1\", \"peer\": \"10.0.0.2\" }, \"asn\": { \"local\": 65001, \"peer\": 65002 }, "
                + "\"negotiated\": { \"message_size\": 4096, \"hold_time\": 90, \"asn4\": true, \"multisession\": false, "
                + "\"operational\": false, \"refresh\": \"normal\", \"families\": [ \"ipv4 unicast\", \"ipv6 unicast\" ], "
                + "\"nexthop\": [ \"ipv4 unicast ipv6\" ], \"add_path\": { \"send\": [], \"receive\": [ \"ipv6 unicast\" ] "
                + "} } } }");
        assertThat(new ObjectMapper().readTree(line).path("neighbor").path("negotiated").path("hold_time").asInt())
                .isEqualTo(90);
    }
}
