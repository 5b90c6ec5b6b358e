package dev.podbgp.bgp.exabgp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checked-in ExaBGP fixtures must still be what a live ExaBGP 4.2.21 sends: replays the first
 * commands of two contexts in fresh namespaces and compares bytes and JSON exactly. Needs root,
 * exabgp and iproute2; without them it fails (LiveExabgpCapture throws), it never skips.
 */
class ExabgpFixtureFreshnessTest {

    private static JsonNode fixture() throws IOException {
        try (InputStream in = ExabgpFixtureFreshnessTest.class.getResourceAsStream("/exabgp/commands.json")) {
            assertThat(in).as("commands.json on the test classpath").isNotNull();
            return ExabgpFixtureWriter.MAPPER.readTree(in);
        }
    }

    private static List<JsonNode> entries(JsonNode fixture, CaptureContext context) {
        JsonNode wanted = ExabgpFixtureWriter.contextJson(context);
        List<JsonNode> out = new ArrayList<>();
        fixture.forEach(e -> {
            if (e.path("context").equals(wanted)) {
                out.add(e);
            }
        });
        return out;
    }

    private static void replay(JsonNode fixture, CaptureContext context, int commands) {
        List<JsonNode> recorded = entries(fixture, context);
        assertThat(recorded.size()).isGreaterThan(commands);
        try (LiveExabgpCapture capture = LiveExabgpCapture.start(context)) {
            assertThat(hostListensOnBgpPort()).as("nothing listens on :179 in the host namespace").isFalse();
            JsonNode start = recorded.getFirst();
            assertThat(start.path("command").asText()).isEqualTo(ExabgpFixtureWriter.SESSION_START);
            assertThat(ExabgpFixtureWriter.entry(context, ExabgpFixtureWriter.SESSION_START, "done",
                    capture.initialMessages().stream().filter(m -> m.type().equals("update")).toList()))
                    .isEqualTo(start);
            // Commands in fixture order: later ones (withdraws) depend on earlier ones.
            for (JsonNode e : recorded.subList(1, 1 + commands)) {
                CommandCapture c = capture.send(e.path("command").asText());
                assertThat(ExabgpFixtureWriter.entry(context, c.command(), c.answer(), c.messages()))
                        .as(c.command())
                        .isEqualTo(e);
            }
        }
    }

    private static boolean hostListensOnBgpPort() {
        return !NamespacePair.run(List.of("ss", "-H", "-ltn", "sport = :179"), true).isBlank();
    }

    @Test
    void ebgpCommands_stillProduceTheRecordedUpdates() throws IOException {
        replay(fixture(), CaptureContext.EBGP, 6);
    }

    @Test
    void addPathCommands_stillProduceTheRecordedUpdates() throws IOException {
        replay(fixture(), new CaptureContext(65001, 65002, true, true), 3);
    }
}
