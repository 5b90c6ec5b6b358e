package dev.podbgp.bgp.exabgp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where ExaBGP 4.2.21 lives and the environment every run of it gets. */
final class ExabgpBinary {
    private ExabgpBinary() {}

    /** The Debian package's launcher; a missing oracle is an error, never a skip. */
    static Path path() {
        for (String candidate : new String[] {"/usr/sbin/exabgp", "/usr/bin/exabgp", "/usr/local/bin/exabgp"}) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("exabgp not found in /usr/sbin, /usr/bin or /usr/local/bin:"
                + " install the Debian package exabgp (scripts/install-deps.sh does)");
    }

    /**
     * exabgp.api.cli=false: no named pipes for the CLI (they would collide between runs);
     * exabgp.log.short=true: log lines without the timestamp/pid prefix, so lines start with
     * what the code printed ("update json ...").
     */
    static void environment(Map<String, String> env) {
        env.put("exabgp.api.cli", "false");
        env.put("exabgp.log.short", "true");
    }
}
