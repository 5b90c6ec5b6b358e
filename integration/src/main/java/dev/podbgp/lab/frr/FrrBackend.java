package dev.podbgp.lab.frr;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/** Where FRR runs. Same fixture, same tests; only starting, signalling and vtysh differ. */
public enum FrrBackend {
    /** zebra + bgpd from the Debian package, in a lab namespace with their own pathspace. */
    NAMESPACE,
    /** FRR's official image (quay.io/frrouting/frr) via Testcontainers, its netns joined to the lab. */
    CONTAINER;

    public static final String ENV = "PODBGP_LAB_FRR_BACKEND";
    private static FrrBackend chosen;

    /**
     * {@code PODBGP_LAB_FRR_BACKEND=namespace|container} when set; otherwise the container when
     * a Docker engine answers, else the namespace. Asked once per JVM.
     */
    public static synchronized FrrBackend choose() {
        if (chosen == null) {
            String forced = System.getenv(ENV);
            if (forced != null && !forced.isBlank()) {
                chosen = valueOf(forced.trim().toUpperCase(Locale.ROOT));
            } else {
                chosen = DockerClientFactory.instance().isDockerAvailable() ? CONTAINER : NAMESPACE;
            }
        }
        return chosen;
    }
}
