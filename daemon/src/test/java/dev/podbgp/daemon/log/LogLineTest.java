package dev.podbgp.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.log.LogField;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLineTest {
    private static final Instant TS = Instant.parse("2026-11-23T13:00:00.123Z");

    private static List<LogField> fields(String... keysAndValues) {
        List<LogField> out = new java.util.ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.add(new LogField(keysAndValues[i], keysAndValues[i + 1]));
        }
        return out;
    }

    @Test
    void keyValue_fixedFieldsFirst_thenTheEventsFields_quotedWhereNeeded() {
        String line = LogLine.format(LogFormat.KEY_VALUE, TS, Level.INFO, "podbgp.peer",
                fields("event", "down", "peer", "192.0.2.1", "reason", "Hold timer expired"), null);
        assertThat(line).isEqualTo("ts=2026-11-23T13:00:00.123Z level=INFO logger=podbgp.peer event=down peer=192.0.2.1"
                + " reason=\"Hold timer expired\"");
        assertThat(LogLine.format(LogFormat.KEY_VALUE, TS, Level.WARNING, "x", fields("msg", "free text"), null))
                .isEqualTo("ts=2026-11-23T13:00:00.123Z level=WARN logger=x msg=\"free text\"");
    }

    @Test
    void keyValue_escapesQuotesBackslashesAndNewlines_emptyValuesQuoted() {
        String line = LogLine.format(LogFormat.KEY_VALUE, TS, Level.INFO, "x",
                fields("event", "e", "said", "\"no\"", "path", "a\\b", "lines", "one\ntwo", "empty", ""), null);
        assertThat(line).isEqualTo("ts=2026-11-23T13:00:00.123Z level=INFO logger=x event=e said=\"\\\"no\\\"\""
                + " path=\"a\\\\b\" lines=\"one\\ntwo\" empty=\"\"");
    }

    @Test
    void json_eachFieldAStringField_parsesAsOneObject() throws Exception {
        String line = LogLine.format(LogFormat.JSON, TS, Level.DEBUG, "podbgp.peer",
                fields("event", "malformed", "peer", "192.0.2.1", "error", "UPDATE_MALFORMED_AS_PATH",
                        "reason", "AS_PATH \"segment\" overruns\nthe \\ end", "empty", ""), null);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(line).doesNotContain("\n");
        assertThat(json.path("ts").asText()).isEqualTo("2026-11-23T13:00:00.123Z");
        assertThat(json.path("level").asText()).isEqualTo("DEBUG");
        assertThat(json.path("logger").asText()).isEqualTo("podbgp.peer");
        assertThat(json.path("event").asText()).isEqualTo("malformed");
        assertThat(json.path("reason").asText()).isEqualTo("AS_PATH \"segment\" overruns\nthe \\ end");
        assertThat(json.path("empty").isTextual()).isTrue();
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("ts", "level", "logger", "event", "peer", "error", "reason", "empty");
    }

    @Test
    void json_aKeyGivenTwice_keepsItsLastValue() throws Exception {
        JsonNode json = new ObjectMapper().readTree(LogLine.format(LogFormat.JSON, TS, Level.INFO, "x",
                fields("event", "e", "error", "first", "error", "second"), null));
        assertThat(json.path("error").asText()).isEqualTo("second");
    }

    @Test
    void throwable_staysOnOneLine_inBothFormats() throws Exception {
        IllegalStateException bug = new IllegalStateException("boom");
        String kv = LogLine.format(LogFormat.KEY_VALUE, TS, Level.ERROR, "x", fields("event", "bug"), bug);
        assertThat(kv).doesNotContain("\n").contains("error=\"java.lang.IllegalStateException: boom\"")
                .contains("stack=\"java.lang.IllegalStateException: boom\\n\\tat ");
        JsonNode json = new ObjectMapper().readTree(LogLine.format(LogFormat.JSON, TS, Level.ERROR, "x", fields("event", "bug"), bug));
        assertThat(json.path("stack").asText()).startsWith("java.lang.IllegalStateException: boom\n\tat ");
    }
}
