package dev.podbgp.bgp.wire.attr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.SessionCapabilities;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Found by UpdateFuzzTest: the decoded path did not survive re-encoding on a 2-octet session. */
class As4PathMergeTest {

    @Test
    void rfc6793_s6_confederationSegmentsInAs4Path_areDiscardedBeforeTheMerge() {
        byte[] section = HexFormat.of().parseHex(
                "40010100"                                  // ORIGIN IGP
                + "400206" + "0202fde95ba0"                 // AS_PATH, 2-octet: SEQ 65001 23456
                + "c0110c" + "030100" + "00fc00"            // AS4_PATH: CONFED_SEQ 64512,
                + "0201fa56ea01");                          //           SEQ 4200000001
        PathAttributes decoded = PathAttributes.decode(section, 0, section.length, SessionCapabilities.RFC4271).orThrow();

        // The kept leading AS and AS4_PATH's sequence join into one AS_SEQUENCE.
        assertThat(decoded.asPath()).isEqualTo(AsPath.ofSequence(65001, 4200000001L));
    }
}
