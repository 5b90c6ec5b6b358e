package dev.podbgp.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLineTest {
    private static final Instant TS = Instant.parse("2026-11-23T13:00:00.123Z");

    @Test
    void keyValue_fixedFieldsFirst_thenTheMessagesPairs_requotedWhereNeeded() {
        String line = LogLine.format(LogFormat.KEY_VALUE, TS, Level.INFO, "podbgp.peer",
                "peer=192.0.2.1 event=down reason=\"Hold timer expired\"", null);
        assertThat(line).isEqualTo("ts=2026-11-23T13:00:00.123Z level=INFO logger=podbgp.peer peer=192.0.2.1 event=down"
                + " reason=\"Hold timer expired\"");
        assertThat(LogLine.format(LogFormat.KEY_VALUE, TS, Level.WARNING, "x", "free text", null))
                .isEqualTo("ts=2026-11-23T13:00:00.123Z level=WARN logger=x msg=\"free text\"");
    }

    @Test
    void json_eachPairAField_parsesAsOneObject() throws Exception {
        String line = LogLine.format(LogFormat.JSON, TS, Level.DEBUG, "podbgp.peer",
                "peer=192.0.2.1 event=malformed error=UPDATE_MALFORMED_AS_PATH reason=\"AS_PATH \\\"segment\\\" overruns\"", null);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(line).doesNotContain("\n");
        assertThat(json.path("ts").asText()).isEqualTo("2026-11-23T13:00:00.123Z");
        assertThat(json.path("level").asText()).isEqualTo("DEBUG");
        assertThat(json.path("logger").asText()).isEqualTo("podbgp.peer");
        assertThat(json.path("event").asText()).isEqualTo("malformed");
        assertThat(json.path("reason").asText()).isEqualTo("AS_PATH \"segment\" overruns");
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("ts", "level", "logger", "peer", "event", "error", "reason");
    }

    @Test
    void throwable_staysOnOneLine_inBothFormats() throws Exception {
        IllegalStateException bug = new IllegalStateException("boom");
        String kv = LogLine.format(LogFormat.KEY_VALUE, TS, Level.ERROR, "x", "event=bug", bug);
        assertThat(kv).doesNotContain("\n").contains("error=\"java.lang.IllegalStateException: boom\"")
                .contains("stack=\"java.lang.IllegalStateException: boom\\n\\tat ");
        JsonNode json = new ObjectMapper().readTree(LogLine.format(LogFormat.JSON, TS, Level.ERROR, "x", "event=bug", bug));
        assertThat(json.path("stack").asText()).startsWith("java.lang.IllegalStateException: boom\n\tat ");
    }
}
