package dev.podbgp.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podbgp cleanup} in a namespace of its own (root), so the host's nftables are never touched. */
class CleanupCommandTest {
    @TempDir
    Path confDir;

    @Test
    void removesOurConflistAndNftTable_leavesOtherFiles() throws Exception {
        String ns = "pbt-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2) + "-cleanup";
        run("ip", "netns", "add", ns);
        try {
            run("ip", "netns", "exec", ns, "nft", "add", "table", "inet", "podbgp");
            Files.writeString(confDir.resolve("10-podbgp.conflist"), "{}");
            Files.writeString(confDir.resolve("20-other.conflist"), "{}");
            CliRun r = CliRun.of("cleanup", "--conf-dir", confDir.toString(), "--netns", ns);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("removed " + confDir.resolve("10-podbgp.conflist")).contains(ns);
            assertThat(confDir.resolve("10-podbgp.conflist")).doesNotExist();
            assertThat(confDir.resolve("20-other.conflist")).exists();
            assertThat(run("ip", "netns", "exec", ns, "nft", "list", "tables")).doesNotContain("podbgp");
            CliRun again = CliRun.of("cleanup", "--conf-dir", confDir.toString(), "--netns", ns);
            assertThat(again.exitCode()).as("cleanup is idempotent: " + again.err()).isZero();
        } finally {
            run("ip", "netns", "del", ns);
        }
    }

    @Test
    void badNamespaceName_isUsageError() {
        assertThat(CliRun.of("cleanup", "--conf-dir", confDir.toString(), "--netns", "../etc").exitCode()).isEqualTo(2);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
