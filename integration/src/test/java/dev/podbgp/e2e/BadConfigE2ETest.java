package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.demo.DemoTopology;
import dev.podbgp.demo.NodeConfig;
import dev.podbgp.demo.PodbgpCommand;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code podbgp run} as a process, given a demo node's config with one wrong value. */
@ExtendWith(LabExtension.class)
class BadConfigE2ETest {

    @Test
    void peerAsnZero_runExits2WithFileLineColumnFieldMessage_andTouchesNothing(Lab lab) throws Exception {
        Node node = lab.node("node1");
        Path dir = Files.createDirectories(lab.workDir().resolve("node1"));
        NodeConfig c = new NodeConfig("node1", IpAddress.parse("10.77.1.2"), 65001, IpAddress.parse("10.77.1.1"), 0,
                List.of(Prefix.parse("10.240.1.0/24")), List.of(DemoTopology.CLUSTER), List.of(), dir.resolve("net.d"),
                dir.resolve("podbgp.sock"));
        Path file = dir.resolve("podbgp.yaml");
        Files.writeString(file, c.yaml());
        List<String> lines = c.yaml().lines().toList();
        int line = lines.indexOf("    asn: 0") + 1;
        assertThat(line).isPositive();

        Shell.Result r = Shell.run(node.inside(PodbgpCommand.run(file)), Duration.ofSeconds(30));

        assertThat(r.exitCode()).as("stdout %s stderr %s", r.stdout(), r.stderr()).isEqualTo(2);
        // the column is the value's, 1-based: "    asn: 0" puts the 0 in column 10
        assertThat(r.stderr().lines()).contains(file + ":" + line + ":10: peers[0].asn: 0 is not a valid AS number");
        assertThat(dir.resolve("net.d")).doesNotExist();
        assertThat(dir.resolve("podbgp.sock")).doesNotExist();
        assertThat(node.exec("nft", "list", "tables").orThrow()).doesNotContain("podbgp");
    }
}
