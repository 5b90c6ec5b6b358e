package dev.podbgp.config;

import static dev.podbgp.config.Configs.NODE;
import static dev.podbgp.config.Configs.load;
import static dev.podbgp.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.state.DesiredState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code peers[].bfd}: off unless named, 300 ms × 3 when named, each field checked with file, line and field. */
class BfdConfigTest {

    private static BfdSpec bfdOf(String peerLine) throws ConfigException {
        DesiredState s = load(NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100%s}
                """.formatted(peerLine)).state();
        return s.peers().getFirst().bfd();
    }

    @Test
    void offUnlessNamed_andNamingItGivesTheDefaults() throws ConfigException {
        assertThat(bfdOf("")).isEqualTo(BfdSpec.DISABLED);
        assertThat(bfdOf(", bfd: true")).isEqualTo(BfdSpec.DEFAULT);
        assertThat(bfdOf(", bfd: {}")).isEqualTo(BfdSpec.DEFAULT);
        assertThat(bfdOf(", bfd: false").enabled()).isFalse();
        assertThat(BfdSpec.DEFAULT).isEqualTo(new BfdSpec(true, Duration.ofMillis(300), Duration.ofMillis(300), 3, false));
    }

    @Test
    void everyFieldIsRead() throws ConfigException {
        assertThat(bfdOf(", bfd: {minTx: 100, minRx: 150, multiplier: 5, multihop: true}"))
                .isEqualTo(new BfdSpec(true, Duration.ofMillis(100), Duration.ofMillis(150), 5, true));
        assertThat(bfdOf(", bfd: {enabled: false, minTx: 100}").enabled()).isFalse();
    }

    @Test
    void outOfRangeValuesAndUnknownKeys_areRefusedNamingLineAndField() {
        assertThat(problems(NODE + """
                peers:
                  - address: 192.0.2.1
                    asn: 65100
                    bfd: {minTx: 5, multiplier: 1, echo: true}
                """)).containsExactly(
                "podbgp.yaml:7:18: peers[0].bfd.minTx: 5 is not in 10..60000 milliseconds",
                "podbgp.yaml:7:33: peers[0].bfd.multiplier: 1 is not in 2..255",
                "podbgp.yaml:7:36: peers[0].bfd.echo: unknown key 'echo'; expected one of: enabled, minTx, minRx, multiplier, multihop");
    }
}
