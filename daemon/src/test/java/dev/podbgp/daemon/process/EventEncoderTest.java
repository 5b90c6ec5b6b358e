package dev.podbgp.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.bgp.exabgp.ExabgpNeighbor;
import dev.podbgp.config.ProcessSpec;
import dev.podbgp.inet.IpAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventEncoderTest {

    private static final ExabgpNeighbor TOR = new ExabgpNeighbor(IpAddress.parse("10.0.0.2"), IpAddress.parse("10.0.0.1"),
            65001, 65000);
    private static final EventOrigin ORIGIN = new EventOrigin("node1", 4242, 1);
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_250L), ZoneOffset.UTC);

    private static EventEncoder encoder(ProcessSpec.Encoder e, ProcessSpec.Receive r) {
        return new EventEncoder(new ProcessSpec("p", List.of("/bin/true"), e, true, true, r), ORIGIN, CLOCK);
    }

    @Test
    void json_stateLinesAsExabgpWritesThem_countedPerNeighbor() throws Exception {
        EventEncoder enc = encoder(ProcessSpec.Encoder.JSON, new ProcessSpec.Receive(true, false, false));
        List<String> up = enc.lines(new PeerEvent.Connected(TOR));
        List<String> down = enc.lines(new PeerEvent.Down(TOR, "peer reset [hold timer expired]"));
        assertThat(up).hasSize(1);
        JsonNode c = new ObjectMapper().readTree(up.getFirst());
        assertThat(c.path("exabgp").asText()).isEqualTo("4.0.1");
        assertThat(c.path("time").asDouble()).isEqualTo(1_700_000_000.25);
        assertThat(c.path("host").asText()).isEqualTo("node1");
        assertThat(c.path("pid").asLong()).isEqualTo(4242);
        assertThat(c.path("counter").asLong()).isEqualTo(1);
        assertThat(c.path("type").asText()).isEqualTo("state");
        assertThat(c.at("/neighbor/address/peer").asText()).isEqualTo("10.0.0.1");
        assertThat(c.at("/neighbor/asn/local").asLong()).isEqualTo(65001);
        assertThat(c.at("/neighbor/state").asText()).isEqualTo("connected");
        JsonNode d = new ObjectMapper().readTree(down.getFirst());
        assertThat(d.path("counter").asLong()).isEqualTo(2);
        assertThat(d.at("/neighbor/state").asText()).isEqualTo("down");
        // ExaBGP turns brackets into parentheses in the reason.
        assertThat(d.at("/neighbor/reason").asText()).isEqualTo("peer reset (hold timer expired)");
    }

    @Test
    void text_stateLinesAndShutdown() {
        EventEncoder enc = encoder(ProcessSpec.Encoder.TEXT, new ProcessSpec.Receive(true, false, false));
        assertThat(enc.lines(new PeerEvent.Connected(TOR))).containsExactly("neighbor 10.0.0.1 connected");
        assertThat(enc.lines(new PeerEvent.Down(TOR, "hold timer expired")))
                .containsExactly("neighbor 10.0.0.1 down - hold timer expired");
        assertThat(enc.shutdown()).isEqualTo("shutdown 4242 1");
        assertThat(encoder(ProcessSpec.Encoder.JSON, ProcessSpec.Receive.NOTHING).shutdown())
                .contains("\"type\": \"notification\"").contains("\"notification\": \"shutdown\"");
    }

    @Test
    void onlyWhatWasAskedFor_isQueuedOrWritten() {
        ProcessSpec.Receive updatesOnly = new ProcessSpec.Receive(false, false, true);
        assertThat(EventEncoder.wanted(updatesOnly, new PeerEvent.Connected(TOR))).isFalse();
        assertThat(EventEncoder.wanted(updatesOnly, new PeerEvent.Down(TOR, ""))).isFalse();
        assertThat(EventEncoder.wanted(ProcessSpec.Receive.NOTHING, new PeerEvent.Up(TOR, null))).isFalse();
        assertThat(EventEncoder.wanted(new ProcessSpec.Receive(false, true, false), new PeerEvent.Up(TOR, null))).isTrue();
        assertThat(encoder(ProcessSpec.Encoder.JSON, updatesOnly).lines(new PeerEvent.Connected(TOR))).isEmpty();
    }
}
