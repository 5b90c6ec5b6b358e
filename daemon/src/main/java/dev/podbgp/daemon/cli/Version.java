package dev.podbgp.daemon.cli;

import dev.podbgp.bgp.exabgp.ExabgpJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version line, from the build (resource filtered by Maven). */
final class Version {

    private Version() {}

    static String number() {
        try (InputStream in = Version.class.getResourceAsStream("/podbgp-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line() {
        return "podbgp " + number() + " (Java " + Runtime.version() + ", ExaBGP JSON format " + ExabgpJson.VERSION + ")";
    }
}
