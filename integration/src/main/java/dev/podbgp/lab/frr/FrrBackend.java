package dev.podbgp.lab.frr;

import java.util.Locale;

/** Where FRR runs. Same fixture, same tests; only starting, signalling and vtysh differ. */
public enum FrrBackend {
    /** zebra + bgpd from the Debian package, in a lab namespace with their own pathspace. */
    NAMESPACE,
    /** The same FRR package in a container of the lab's image (Testcontainers), its netns joined to the lab. */
    CONTAINER;

    public static final String ENV = "PODBGP_LAB_FRR_BACKEND";
    private static FrrBackend chosen;

    /**
     * The backend of the tests that do not name one: {@code PODBGP_LAB_FRR_BACKEND=namespace|container}
     * when set, else the namespace. Not "the container when Docker answers": what a test runs
     * against must not depend on the machine. The interop scenarios name both and run each.
     */
    public static synchronized FrrBackend choose() {
        if (chosen == null) {
            String forced = System.getenv(ENV);
            chosen = forced == null || forced.isBlank() ? NAMESPACE : valueOf(forced.trim().toUpperCase(Locale.ROOT));
        }
        return chosen;
    }
}
