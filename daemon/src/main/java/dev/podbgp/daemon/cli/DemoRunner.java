package dev.podbgp.daemon.cli;

import java.io.PrintWriter;

/**
 * What {@code podbgp demo} runs. The lab that builds the demo's namespaces, FRR router and pods
 * lives in the integration module, which depends on the daemon and not the other way round
 * (DESIGN.md); it registers its implementation under META-INF/services for
 * {@link java.util.ServiceLoader}, so the demo is there when integration's jars are on the
 * classpath (scripts/demo.sh puts them there) and absent from a daemon-only install.
 */
public interface DemoRunner {
    /**
     * Builds the lab, prints what it shows and tears it down, unless {@code keep}: then the lab
     * stays up and the output says how to enter it and remove it.
     *
     * @return the process exit code: 0 when every step worked
     */
    int run(boolean keep, PrintWriter out);

    /** Removes labs a {@code --keep} run left behind (their demo process has exited). */
    int teardown(PrintWriter out);
}
