package dev.podbgp.daemon.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.daemon.json.JsonException;
import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonParser;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The views' JSON: one member per record component, named after it, and back to equal records. */
class ViewJsonTest {

    @Test
    void everyView_roundTrips() {
        assertThat(ViewJson.fromJson(JsonParser.parse(ViewJson.toJson(RecordingHandler.NEIGHBORS, NeighborView::toJson)
                .toJson()), NeighborView::fromJson)).isEqualTo(RecordingHandler.NEIGHBORS);
        assertThat(ViewJson.fromJson(JsonParser.parse(ViewJson.toJson(RecordingHandler.ROUTES, RouteView::toJson)
                .toJson()), RouteView::fromJson)).isEqualTo(RecordingHandler.ROUTES);
        assertThat(ViewJson.fromJson(JsonParser.parse(ViewJson.toJson(RecordingHandler.FIB, FibView::toJson)
                .toJson()), FibView::fromJson)).isEqualTo(RecordingHandler.FIB);
    }

    @Test
    void membersAreTheRecordComponents_inTheirOrder() {
        assertThat(RecordingHandler.NEIGHBORS.getFirst().toJson().members().keySet()).containsExactly(
                Arrays.stream(NeighborView.class.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new));
        assertThat(RecordingHandler.ROUTES.getFirst().toJson().members().keySet()).containsExactly(
                Arrays.stream(RouteView.class.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new));
        assertThat(RecordingHandler.FIB.getFirst().toJson().members().keySet()).containsExactly(
                Arrays.stream(FibView.class.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new));
    }

    @Test
    void aMissingOrMistypedMember_namesIt() {
        JsonObject fib = RecordingHandler.FIB.getFirst().toJson();
        JsonObject noTable = JsonObject.builder().put("prefix", "10.0.0.0/8").build();
        assertThatThrownBy(() -> FibView.fromJson(noTable)).isInstanceOf(JsonException.class)
                .hasMessageContaining("\"nextHops\"");
        assertThatThrownBy(() -> FibView.fromJson(fib.with("table", fib.get("state").orElseThrow())))
                .hasMessageContaining("member \"table\" is not an integer");
        assertThatThrownBy(() -> ViewJson.fromJson(fib, FibView::fromJson)).hasMessageContaining("expected an array");
    }
}
