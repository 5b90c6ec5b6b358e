package dev.podbgp.daemon.cli;

import dev.podbgp.bgp.exabgp.ExabgpJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The version line, from the build (resource filtered by Maven). */
final class Version implements CommandLine.IVersionProvider {

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

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}
