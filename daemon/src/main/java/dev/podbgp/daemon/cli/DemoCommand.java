package dev.podbgp.daemon.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.ServiceLoader;

/** {@code podbgp demo}: the lab demo, when the integration module is on the classpath. */
final class DemoCommand {
    static final CliOption KEEP = CliOption.flag("--keep", "leave the lab running afterwards and print how to enter and remove it");
    static final CliOption TEARDOWN = CliOption.flag("--teardown", "remove what an earlier 'demo --keep' left running, then exit");

    private DemoCommand() {}

    static CliCommand command() {
        return CliCommand.named("demo", "Build a small routed cluster in network namespaces and show podbgp at work.")
                .details(
                        "An FRR top-of-rack router (AS 65000) and two nodes, each running 'podbgp run' as its own",
                        "process with podCIDRs 10.240.1.0/24 and 10.240.2.0/24; pods attached by the real bridge",
                        "CNI plugin from the conflist podbgp wrote. It prints the BGP sessions, the routes each",
                        "node's kernel learned, a ping and a TCP exchange from a pod on node 1 to a pod on node 2,",
                        "then removes everything. Needs root; no packet leaves the namespaces.", "",
                        "The demo lives in the integration module: run it through scripts/demo.sh, which builds",
                        "it and installs the Debian packages it uses (frr, containernetworking-plugins, ...).")
                .options(KEEP, TEARDOWN)
                .examples("  scripts/demo.sh                 build, run, tear down",
                        "  scripts/demo.sh --keep          leave the lab up to explore; it prints how to remove it",
                        "  scripts/podbgp demo --teardown  remove a kept lab")
                .action((args, out, err) -> demo(args.flag(KEEP), args.flag(TEARDOWN), out, err));
    }

    private static int demo(boolean keep, boolean teardown, PrintWriter out, PrintWriter err) throws UsageException {
        if (keep && teardown) {
            throw new UsageException("--keep and --teardown exclude each other");
        }
        Optional<DemoRunner> runner = ServiceLoader.load(DemoRunner.class).findFirst();
        if (runner.isEmpty()) {
            err.println("podbgp: the demo is not on the classpath: it is part of the integration"
                    + " module. Run scripts/demo.sh from a checkout (it builds daemon and integration and starts the demo).");
            err.flush();
            return Main.EXIT_RUNTIME;
        }
        return teardown ? runner.get().teardown(out) : runner.get().run(keep, out);
    }
}
