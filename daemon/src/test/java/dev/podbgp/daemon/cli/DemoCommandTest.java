package dev.podbgp.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The daemon alone (no integration jars): {@code podbgp demo} explains where the demo is. */
class DemoCommandTest {

    @Test
    void withoutTheIntegrationModule_demoSaysToRunScriptsDemoSh_andExits1() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "demo");
        assertThat(code).isEqualTo(Main.EXIT_RUNTIME);
        assertThat(err.toString()).contains("scripts/demo.sh").contains("integration");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void keepAndTeardownTogether_isAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "demo", "--keep", "--teardown");
        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("--keep and --teardown");
    }
}
