package dev.podbgp.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.daemon.control.RouteView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code show routes} says which peers a helper's scoped route goes to. */
class RouteTableTest {

    @Test
    void theToColumnAppearsWhenARouteIsScopedToNamedPeers() {
        RouteView everyone = new RouteView("192.0.2.1/32", List.of("0.0.0.0"), true, "", "local", "", "igp", -1, 10,
                List.of(), List.of(), List.of("10.0.0.1"));
        RouteView named = new RouteView("192.0.2.1/32", List.of("0.0.0.0"), true, "", "local", "", "igp", -1, 20,
                List.of(), List.of("10.0.0.1"), List.of());
        RouteView learned = new RouteView("10.1.0.0/24", List.of("10.0.0.1"), true, "", "10.0.0.1", "65001", "igp",
                -1, -1, List.of());
        assertThat(ViewTables.routes(List.of(learned, everyone, named))).isEqualTo("""
                    Prefix        Next hop  From      AS path  Origin  LocPrf  MED  Communities  Reason  To
                *>  10.1.0.0/24   10.0.0.1  10.0.0.1  65001    igp     -       -    -            -       all
                *>  192.0.2.1/32  0.0.0.0   local     -        igp     -       10   -            -       all but 10.0.0.1
                *>  192.0.2.1/32  0.0.0.0   local     -        igp     -       20   -            -       10.0.0.1
                """);
        assertThat(ViewTables.routes(List.of(learned))).doesNotContain(" To");
    }
}
