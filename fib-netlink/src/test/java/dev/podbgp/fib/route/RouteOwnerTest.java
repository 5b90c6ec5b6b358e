package dev.podbgp.fib.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RouteOwnerTest {

    private static final Path RT_PROTOS = Path.of("/etc/iproute2/rt_protos");
    private static final Path RT_PROTOS_D = Path.of("/etc/iproute2/rt_protos.d");

    /** "NUMBER NAME" lines of an rt_protos file, without comments. */
    private static List<String[]> entries(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String text = line.replaceFirst("#.*", "").strip();
            if (!text.isEmpty()) {
                out.add(text.split("\\s+"));
            }
        }
        return out;
    }

    /**
     * The number is clear of what the routing suites on this machine claim: iproute2's own list
     * and FRR's (installed with the test peers; 196, podbgp's old number, is FRR's "static").
     */
    @Test
    void ourProtocolNumberIsNamedByNoInstalledRoutingSuite() throws IOException {
        Path frr = RT_PROTOS_D.resolve("frr.conf");
        assertThat(frr).as("FRR's rt_protos file (frr is installed with the test peers)").exists();
        assertThat(RT_PROTOS).exists();
        List<Path> files = new ArrayList<>(List.of(RT_PROTOS));
        try (Stream<Path> d = Files.list(RT_PROTOS_D)) {
            d.filter(p -> p.toString().endsWith(".conf") && !p.getFileName().toString().equals(RouteOwner.NAME + ".conf"))
                    .forEach(files::add);
        }
        String ours = Integer.toString(RouteOwner.PODBGP_PROTOCOL);
        for (Path file : files) {
            assertThat(entries(file)).as(file.toString()).noneMatch(e -> e[0].equals(ours));
        }
        assertThat(entries(frr)).as("FRR still names 196").anyMatch(e -> e[0].equals("196"));
    }

    @Test
    void theKernelsNumbersAreRefused() {
        for (int kernel = 0; kernel <= 4; kernel++) {
            int p = kernel;
            assertThatThrownBy(() -> new RouteOwner(p, 254, 20))
                    .hasMessageContaining("0-4 belong to the kernel");
        }
        assertThat(new RouteOwner(RouteOwner.PODBGP_PROTOCOL, 254, 20).protocol()).isEqualTo(244);
    }
}
