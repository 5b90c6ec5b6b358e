package dev.podbgp.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.log.EventLog;
import dev.podbgp.log.LogEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Through System.getLogger, as EventLog and libraries log: the service file must make our finder the JDK's. */
class PodbgpLoggerFinderTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private LogSettings.Current before;

    @BeforeEach
    void capture() {
        before = LogSettings.current();
        LogSettings.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void restore() {
        LogSettings.set(before.threshold(), before.format());
        LogSettings.redirect(before.sink(), before.clock());
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void systemLoggerIsOurs_oneLinePerEvent() {
        LogSettings.set(Level.INFO, LogFormat.KEY_VALUE);
        EventLog log = EventLog.named("podbgp.peer");
        log.info("state").with("peer", "192.0.2.1").with("from", "Idle").with("to", "Connect").log();
        log.info("started").with("port", 179).log();
        assertThat(output()).isEqualTo("""
                ts=2026-11-23T13:00:00Z level=INFO logger=podbgp.peer event=state peer=192.0.2.1 from=Idle to=Connect
                ts=2026-11-23T13:00:00Z level=INFO logger=podbgp.peer event=started port=179
                """);
    }

    /** Libraries and the JDK log strings: one msg field, taken as it is, never parsed for key=value. */
    @Test
    void plainMessages_becomeOneMsgField() {
        LogSettings.set(Level.INFO, LogFormat.KEY_VALUE);
        System.Logger log = System.getLogger("io.fabric8.test");
        log.log(Level.INFO, () -> "peer=192.0.2.1 event=state");
        log.log(Level.INFO, "listening on port {0}", 179);
        log.log(Level.WARNING, "free text");
        assertThat(output()).isEqualTo("""
                ts=2026-11-23T13:00:00Z level=INFO logger=io.fabric8.test msg="peer=192.0.2.1 event=state"
                ts=2026-11-23T13:00:00Z level=INFO logger=io.fabric8.test msg="listening on port 179"
                ts=2026-11-23T13:00:00Z level=WARN logger=io.fabric8.test msg="free text"
                """);
    }

    @Test
    void belowThreshold_notWritten_andSupplierNotCalled() {
        LogSettings.set(Level.WARNING, LogFormat.KEY_VALUE);
        System.Logger log = System.getLogger("podbgp.test");
        boolean[] called = {false};
        log.log(Level.INFO, () -> {
            called[0] = true;
            return "event=chatty";
        });
        EventLog.named("podbgp.test").error("bad").log();
        assertThat(called[0]).isFalse();
        assertThat(output()).isEqualTo("ts=2026-11-23T13:00:00Z level=ERROR logger=podbgp.test event=bad\n");
        assertThat(log.isLoggable(Level.DEBUG)).isFalse();
        LogSettings.set(Level.DEBUG, LogFormat.KEY_VALUE);
        assertThat(log.isLoggable(Level.DEBUG)).as("threshold is read on every call").isTrue();
    }

    /** The threshold decides when the event starts: below it, the one disabled event, and nothing rendered. */
    @Test
    void belowThreshold_theDisabledEvent_valuesNeverRendered() {
        LogSettings.set(Level.INFO, LogFormat.KEY_VALUE);
        EventLog log = EventLog.named("podbgp.test");
        Object explosive = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("a disabled event rendered a value");
            }
        };
        LogEvent chatty = log.debug("chatty");
        assertThat(chatty).isSameAs(log.debug("other")).isSameAs(log.at(Level.TRACE, "third"));
        chatty.with("x", explosive).log();
        assertThat(output()).isEmpty();
        LogSettings.set(Level.DEBUG, LogFormat.KEY_VALUE);
        assertThat(log.debug("chatty")).isNotSameAs(chatty);
    }

    @Test
    void jsonOnRequest() {
        LogSettings.set(Level.INFO, LogFormat.JSON);
        EventLog.named("podbgp.fib").warn("route-failed").with("prefix", "10.240.2.0/24").with("error", "Network is unreachable").log();
        assertThat(output()).isEqualTo("{\"ts\":\"2026-11-23T13:00:00Z\",\"level\":\"WARN\",\"logger\":\"podbgp.fib\","
                + "\"event\":\"route-failed\",\"prefix\":\"10.240.2.0/24\",\"error\":\"Network is unreachable\"}\n");
    }

    /** An unexpected failure travels inside the event and keeps its stack, in both formats. */
    @Test
    void eventWithAThrowable_errorAndStack() throws Exception {
        IllegalStateException bug = new IllegalStateException("boom");
        LogSettings.set(Level.INFO, LogFormat.KEY_VALUE);
        EventLog log = EventLog.named("podbgp.control");
        log.error("control-handler-failed").with("request", "{\"command\":\"x\"}").thrown(bug).log();
        assertThat(output()).startsWith("ts=2026-11-23T13:00:00Z level=ERROR logger=podbgp.control event=control-handler-failed"
                + " request=\"{\\\"command\\\":\\\"x\\\"}\" error=\"java.lang.IllegalStateException: boom\""
                + " stack=\"java.lang.IllegalStateException: boom\\n\\tat ").endsWith("\"\n");
        assertThat(output().lines()).hasSize(1);
        captured.reset();
        LogSettings.set(Level.INFO, LogFormat.JSON);
        log.error("control-handler-failed").thrown(bug).log();
        JsonNode json = new ObjectMapper().readTree(output());
        assertThat(json.path("event").asText()).isEqualTo("control-handler-failed");
        assertThat(json.path("error").asText()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(json.path("stack").asText()).startsWith("java.lang.IllegalStateException: boom\n\tat ");
    }

    /** Handing the event to System.Logger.log(Level, Object) works too, without a detour through its text. */
    @Test
    void eventPassedAsAnObject_writtenFieldByField() {
        LogSettings.set(Level.INFO, LogFormat.KEY_VALUE);
        LogEvent event = EventLog.named("podbgp.test").info("reloaded").with("file", "/etc/podbgp/podbgp.yaml");
        System.getLogger("podbgp.test").log(Level.INFO, (Object) event);
        assertThat(output()).isEqualTo("ts=2026-11-23T13:00:00Z level=INFO logger=podbgp.test event=reloaded file=/etc/podbgp/podbgp.yaml\n");
    }

    @Test
    void settingsParse() {
        assertThat(LogSettings.parseLevel("debug")).isEqualTo(Level.DEBUG);
        assertThat(LogSettings.parseLevel("WARN")).isEqualTo(Level.WARNING);
        assertThat(LogFormat.parse("json")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse("keyvalue")).isEqualTo(LogFormat.KEY_VALUE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessageContaining("keyvalue or json");
    }
}
