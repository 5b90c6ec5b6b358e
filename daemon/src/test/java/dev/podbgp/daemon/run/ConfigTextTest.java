package dev.podbgp.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.ConfigLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigTextTest {

    @Test
    void aggregatesAreShownWithWhoGetsThem() throws Exception {
        var state = ConfigLoader.parse("podbgp.yaml", """
                node: {asn: 65001, routerId: 192.0.2.11, podCidrs: [10.244.1.0/24]}
                peers:
                  - {address: 192.0.2.1, asn: 65100}
                aggregates:
                  - {prefix: 10.244.0.0/16, summaryOnly: true}
                  - {prefix: 10.245.0.0/16, peers: [mesh, 192.0.2.1]}
                """, Path.of(".")).state();
        assertThat(ConfigText.of(state)).contains("""
                aggregates:
                  - 10.244.0.0/16 summaryOnly to [external]
                  - 10.245.0.0/16 to [mesh, 192.0.2.1]
                """);
    }

    @Test
    void noAggregates_noSection() throws Exception {
        var state = ConfigLoader.parse("podbgp.yaml", "node: {asn: 65001, routerId: 192.0.2.11}\n", Path.of(".")).state();
        assertThat(ConfigText.of(state)).doesNotContain("aggregates");
    }
}
