package dev.podbgp.demo;

import java.nio.file.Path;
import java.util.ArrayList;
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
        return run(config, List.of());
    }

    /** {@code podbgp run} with {@code jvmOptions} added after the usual ones (a later option wins). */
    public static List<String> run(Path config, List<String> jvmOptions) {
        return java(jvmOptions, List.of("run", "--config", config.toString()));
    }

    /** The podbgp main class with {@code args}, in a JVM of its own started with {@code jvmOptions}. */
    public static List<String> java(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-Xmx192m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.podbgp.daemon.cli.Main"));
        command.addAll(args);
        return List.copyOf(command);
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
