package dev.podbgp.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.daemon.control.NeighborView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code show neighbors} marks dynamic neighbours with the listen range they connected from. */
class NeighborTableTest {

    @Test
    void theDynamicColumnAppearsWhenADynamicNeighbourIsUp() {
        NeighborView configured = new NeighborView("192.0.2.1", 65001, "Established", 5, 1, 1, 1, "", "", 0);
        NeighborView dynamic = new NeighborView("10.0.1.7", 65005, "Established", 7, 2, 2, 1, "", "", 0, "10.0.1.0/24");
        assertThat(ViewTables.neighbors(List.of(configured, dynamic))).isEqualTo("""
                Neighbor   AS     State        BFD  Up/Down   Received  Accepted  Advertised  Last error  Dynamic
                192.0.2.1  65001  Established  -    00:00:05  1         1         1           -           -
                10.0.1.7   65005  Established  -    00:00:07  2         2         1           -           10.0.1.0/24
                """);
        assertThat(ViewTables.neighbors(List.of(configured))).doesNotContain("Dynamic");
    }
}
