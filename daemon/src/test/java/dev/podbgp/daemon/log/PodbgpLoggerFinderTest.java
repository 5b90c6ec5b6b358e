package dev.podbgp.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Through System.getLogger, as bgp-core logs: the service file must make our finder the JDK's. */
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
        System.Logger log = System.getLogger("podbgp.peer");
        log.log(Level.INFO, () -> "peer=192.0.2.1 event=state from=Idle to=Connect");
        log.log(Level.INFO, "event=started port={0}", 179);
        assertThat(output()).isEqualTo("""
                ts=2026-11-23T13:00:00Z level=INFO logger=podbgp.peer peer=192.0.2.1 event=state from=Idle to=Connect
                ts=2026-11-23T13:00:00Z level=INFO logger=podbgp.peer event=started port=179
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
        log.log(Level.ERROR, "event=bad");
        assertThat(called[0]).isFalse();
        assertThat(output()).isEqualTo("ts=2026-11-23T13:00:00Z level=ERROR logger=podbgp.test event=bad\n");
        assertThat(log.isLoggable(Level.DEBUG)).isFalse();
        LogSettings.set(Level.DEBUG, LogFormat.KEY_VALUE);
        assertThat(log.isLoggable(Level.DEBUG)).as("threshold is read on every call").isTrue();
    }

    @Test
    void jsonOnRequest() {
        LogSettings.set(Level.INFO, LogFormat.JSON);
        System.getLogger("podbgp.fib").log(Level.WARNING, "event=route-failed prefix=10.240.2.0/24 error=\"Network is unreachable\"");
        assertThat(output()).isEqualTo("{\"ts\":\"2026-11-23T13:00:00Z\",\"level\":\"WARN\",\"logger\":\"podbgp.fib\","
                + "\"event\":\"route-failed\",\"prefix\":\"10.240.2.0/24\",\"error\":\"Network is unreachable\"}\n");
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
