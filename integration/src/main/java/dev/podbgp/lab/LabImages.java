package dev.podbgp.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The container images the lab runs, built by the checkout's scripts on the lab's Docker engine
 * (scripts/dockerd.sh): each script prints the image's name and builds it only when no image of
 * the same content exists, so a run asks each script once and a second run builds nothing.
 */
public final class LabImages {
    /** The first build of all (debootstrap, then the image) takes minutes on a loaded machine. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);
    /** What each script did, failures too: a build that failed once is not retried by every test. */
    private static final Map<String, Shell.Result> BUILT = new ConcurrentHashMap<>();

    private LabImages() {}

    /** The Debian base the other two start from (scripts/base-image.sh): coreutils, apt, nothing more. */
    public static String base() {
        return build("scripts/base-image.sh");
    }

    /** FRR from Debian's package, the same version the namespace fixture runs (scripts/frr-image.sh). */
    public static String frr() {
        return build("scripts/frr-image.sh");
    }

    /** The podbgp image deploy/daemonset.yaml names (scripts/image.sh), from this reactor build's jars. */
    public static String podbgp() {
        return build("scripts/image.sh");
    }

    /** The checkout this test runs from: the first directory up from the working one holding scripts/. */
    public static Path checkout() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("scripts/dockerd.sh"))) {
                return d;
            }
        }
        throw new IllegalStateException("no podbgp checkout (scripts/dockerd.sh) above " + Path.of("").toAbsolutePath());
    }

    private static String build(String script) {
        Shell.Result r = BUILT.computeIfAbsent(script,
                s -> Shell.run(List.of(checkout().resolve(s).toString()), BUILD_TIMEOUT));
        String name = r.stdout().strip();
        if (!r.ok() || name.isEmpty() || name.contains("\n")) {
            throw new IllegalStateException(script + " failed (exit " + r.exitCode() + "): " + r.stdout() + r.stderr());
        }
        return name;
    }
}
