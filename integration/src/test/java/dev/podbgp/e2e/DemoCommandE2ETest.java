package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.daemon.cli.Main;
import dev.podbgp.lab.Sweeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code podbgp demo} through the CLI, as scripts/demo.sh runs it: the daemon's command finds the
 * integration module's runner, every step succeeds, and nothing of the lab is left afterwards.
 */
class DemoCommandE2ETest {

    @Test
    void demo_showsSessionsRoutesPingAndTcp_thenLeavesNoNamespace() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "demo");
        String text = out.toString();

        assertThat(code).as("output:\n%s\nerrors:\n%s", text, err).isZero();
        assertThat(text).contains("10.77.1.1  65000  Established", "10.77.2.1  65000  Established");
        assertThat(text).contains("10.240.2.0/24 via 10.77.1.1 dev eth0", "10.240.1.0/24 via 10.77.2.1 dev eth0");
        assertThat(text).contains("3 packets transmitted, 3 received, 0% packet loss");
        assertThat(text).contains("The server saw the pod's own address 10.240.1.2");
        Matcher run = Pattern.compile("deleted every namespace and file of lab ([0-9a-f]{6})").matcher(text);
        assertThat(run.find()).as(text).isTrue();
        List<String> left = Sweeper.namespaces().stream().filter(n -> n.startsWith("pbt-" + run.group(1) + "-")).toList();
        assertThat(left).isEmpty();
    }
}
