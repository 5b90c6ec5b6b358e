package dev.podbgp.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** This module has no LoggerFinder of its own: System.getLogger is java.util.logging here, as in tests and the benchmarks. */
class LogEventTest {
    private static final String NAME = "podbgp.log-event-test";
    /** Held: java.util.logging keeps its loggers only weakly. */
    private final Logger jul = Logger.getLogger(NAME);
    private final List<LogRecord> records = new ArrayList<>();
    private final EventLog log = EventLog.named(NAME);

    @BeforeEach
    void capture() {
        jul.setLevel(java.util.logging.Level.INFO);
        jul.setUseParentHandlers(false);
        jul.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }

    @AfterEach
    void release() {
        for (Handler h : jul.getHandlers()) {
            jul.removeHandler(h);
        }
        jul.setUseParentHandlers(true);
        jul.setLevel(null);
    }

    @Test
    void toString_eventFirst_thenFieldsInOrder() {
        LogEvent e = log.info("state").with("peer", "192.0.2.1").with("from", "Idle").with("to", "Connect").with("attempt", 3L);
        assertThat(e.toString()).isEqualTo("event=state peer=192.0.2.1 from=Idle to=Connect attempt=3");
        assertThat(e.event()).isEqualTo("state");
        assertThat(e.fields()).containsExactly(new LogField("peer", "192.0.2.1"), new LogField("from", "Idle"),
                new LogField("to", "Connect"), new LogField("attempt", "3"));
        assertThat(e.thrown()).isNull();
    }

    @Test
    void values_quotedAndEscapedWhenNeeded() {
        LogEvent e = log.warn("down")
                .with("reason", "Hold timer expired")
                .with("said", "\"no\"")
                .with("path", "C:\\tmp")
                .with("lines", "one\ntwo")
                .with("empty", "")
                .with("missing", null)
                .with("prefixes", List.of("10.0.0.0/8", "192.0.2.0/24"));
        assertThat(e.toString()).isEqualTo("event=down reason=\"Hold timer expired\" said=\"\\\"no\\\"\" path=\"C:\\\\tmp\""
                + " lines=\"one\\ntwo\" empty=\"\" missing=\"\" prefixes=\"[10.0.0.0/8, 192.0.2.0/24]\"");
        assertThat(e.fields()).contains(new LogField("missing", ""));
    }

    @Test
    void fieldsMadeElsewhere_areAddedInTheirOrder() {
        LogEvent e = log.info("state-applied").with(List.of(new LogField("peers-reset", "1"), new LogField("settings", "[]")));
        assertThat(e.toString()).isEqualTo("event=state-applied peers-reset=1 settings=[]");
    }

    @Test
    void levelNotEnabled_oneSharedDisabledEvent_valuesNeverRendered() {
        Object explosive = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("a disabled event rendered a value");
            }
        };
        LogEvent e = log.debug("chatty");
        assertThat(log.enabled(Level.DEBUG)).isFalse();
        assertThat(e).isSameAs(LogEvent.DISABLED).isSameAs(log.at(Level.TRACE, "other"));
        assertThat(e.with("x", explosive).with("n", 1L).thrown(new IllegalStateException())).isSameAs(e);
        e.log();
        assertThat(e.fields()).isEmpty();
        assertThat(e.thrown()).isNull();
        assertThat(records).isEmpty();
    }

    @Test
    void underJavaUtilLogging_theLineIsTheMessage_andTheThrowableIsKept() {
        IllegalStateException bug = new IllegalStateException("boom");
        log.error("listener-failed").with("kind", "Node").thrown(bug).log();
        log.info("started").with("port", 179L).log();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).getMessage()).isEqualTo("event=listener-failed kind=Node");
        assertThat(records.get(0).getThrown()).isSameAs(bug);
        assertThat(records.get(0).getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
        assertThat(records.get(1).getMessage()).isEqualTo("event=started port=179");
        assertThat(records.get(1).getThrown()).isNull();
    }
}
