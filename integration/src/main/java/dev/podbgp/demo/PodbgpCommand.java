package dev.podbgp.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * How a lab node starts {@code podbgp run}: the Java runtime and classpath of this JVM. The demo
 * runs from scripts/podbgp (daemon + integration jars), the tests from Surefire's classpath of
 * the current reactor build; either holds the daemon's main class, so no installed podbgp and no
 * {@code package} step is needed.
 */
public final class PodbgpCommand {
    private PodbgpCommand() {}

    public static List<String> run(Path config) {
        return List.of(java(), "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xmx192m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.podbgp.daemon.cli.Main", "run", "--config", config.toString());
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
