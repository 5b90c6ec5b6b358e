package dev.podbgp.daemon.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.podbgp.daemon.json.JsonParser;
import dev.podbgp.daemon.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request and response lines, pinned: a CLI of one build talks to a daemon of another. */
class ControlProtocolTest {

    @Test
    void everyRequest_encodesToItsLine_andBack() throws ControlException {
        List<ControlRequest> requests = List.of(new ControlRequest.ShowNeighbors(),
                new ControlRequest.ShowRoutes(Optional.empty()), new ControlRequest.ShowRoutes(Optional.of("10.0.0.0/8")),
                new ControlRequest.ShowFib(), new ControlRequest.ShowConfig(),
                new ControlRequest.RouteCommand("announce route 10.0.0.0/24 next-hop self \"quoted\"\n"),
                new ControlRequest.Reload(), new ControlRequest.ClearNeighbor("192.0.2.1", ClearScope.HARD),
                new ControlRequest.ClearNeighbor("192.0.2.1", ClearScope.SOFT_OUT));
        for (ControlRequest r : requests) {
            assertThat(ControlProtocol.decode(ControlProtocol.encode(r))).isEqualTo(r);
        }
        assertThat(ControlProtocol.encode(new ControlRequest.ShowRoutes(Optional.of("10.0.0.0/8"))))
                .isEqualTo("{\"command\":\"show-routes\",\"prefix\":\"10.0.0.0/8\"}");
        assertThat(ControlProtocol.encode(new ControlRequest.ClearNeighbor("192.0.2.1", ClearScope.SOFT_IN)))
                .isEqualTo("{\"command\":\"clear-neighbor\",\"address\":\"192.0.2.1\",\"soft\":\"in\"}");
        assertThat(ControlProtocol.encode(requests.get(5))).doesNotContain("\n");
    }

    @Test
    void anOptionalMemberGivenAsNull_isAbsent() throws ControlException {
        assertThat(ControlProtocol.decode("{\"command\":\"show-routes\",\"prefix\":null}"))
                .isEqualTo(new ControlRequest.ShowRoutes(Optional.empty()));
        assertThat(ControlProtocol.decode("{\"soft\":null,\"command\":\"clear-neighbor\",\"address\":\"::1\"}"))
                .isEqualTo(new ControlRequest.ClearNeighbor("::1", ClearScope.HARD));
    }

    @Test
    void badRequests_sayWhatIsWrong() {
        assertThatThrownBy(() -> ControlProtocol.decode("{\"command\":\"show-routes\",}"))
                .isInstanceOf(ControlException.class).hasMessage("request is not JSON: expected a member name (a string),"
                        + " found '}' at offset 25");
        assertThatThrownBy(() -> ControlProtocol.decode("[\"show-fib\"]")).hasMessageContaining("a JSON object with a \"command\"");
        assertThatThrownBy(() -> ControlProtocol.decode("{\"command\":1}")).hasMessageContaining("\"command\" string");
        assertThatThrownBy(() -> ControlProtocol.decode("{\"command\":\"show-routes\",\"prefix\":8}"))
                .hasMessage("\"prefix\" must be a string");
        assertThatThrownBy(() -> ControlProtocol.decode("{\"command\":\"clear-neighbor\",\"address\":\"::1\",\"soft\":\"x\"}"))
                .hasMessageContaining("\"in\" or \"out\", not \"x\"");
    }

    @Test
    void aLineOfDigits_isRefusedAtOnce() {
        // the request limit is 1 MiB: as one number that took BigDecimal seconds to read, at full CPU
        String line = "{\"command\":\"show-fib\",\"n\":" + "7".repeat(ControlProtocol.MAX_LINE - 40) + "}";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> ControlProtocol.decode(line))
                .isInstanceOf(ControlException.class).hasMessage("request is not JSON: number longer than "
                        + JsonParser.MAX_NUMBER_LENGTH + " characters at offset 26"));
    }

    @Test
    void responses_okWithResult_orError() {
        assertThat(ControlProtocol.ok(JsonValue.of("reloaded"))).isEqualTo("{\"ok\":true,\"result\":\"reloaded\"}");
        assertThat(ControlProtocol.error("no \"such\" peer")).isEqualTo("{\"ok\":false,\"error\":\"no \\\"such\\\" peer\"}");
    }
}
