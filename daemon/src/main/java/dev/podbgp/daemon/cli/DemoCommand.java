package dev.podbgp.daemon.cli;

import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Build a small routed cluster in network namespaces and show podbgp at work.", "",
            "An FRR top-of-rack router (AS 65000) and two nodes, each running 'podbgp run' as its own",
            "process with podCIDRs 10.240.1.0/24 and 10.240.2.0/24; pods attached by the real bridge",
            "CNI plugin from the conflist podbgp wrote. It prints the BGP sessions, the routes each",
            "node's kernel learned, a ping and a TCP exchange from a pod on node 1 to a pod on node 2,",
            "then removes everything. Needs root; no packet leaves the namespaces.", "",
            "The demo lives in the integration module: run it through scripts/demo.sh, which builds",
            "it and installs the Debian packages it uses (frr, containernetworking-plugins, ...)."},
        footerHeading = "%nExamples:%n",
        footer = {"  scripts/demo.sh                 build, run, tear down",
            "  scripts/demo.sh --keep          leave the lab up to explore; it prints how to remove it",
            "  scripts/podbgp demo --teardown  remove a kept lab"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--keep", description = "leave the lab running afterwards and print how to enter and remove it")
    boolean keep;

    @Option(names = "--teardown", description = "remove what an earlier 'demo --keep' left running, then exit")
    boolean teardown;

    @Override
    public Integer call() {
        if (keep && teardown) {
            throw new ParameterException(spec.commandLine(), "--keep and --teardown exclude each other");
        }
        Optional<DemoRunner> runner = ServiceLoader.load(DemoRunner.class).findFirst();
        if (runner.isEmpty()) {
            spec.commandLine().getErr().println("podbgp: the demo is not on the classpath: it is part of the integration"
                    + " module. Run scripts/demo.sh from a checkout (it builds daemon and integration and starts the demo).");
            spec.commandLine().getErr().flush();
            return Main.EXIT_RUNTIME;
        }
        return teardown ? runner.get().teardown(spec.commandLine().getOut()) : runner.get().run(keep, spec.commandLine().getOut());
    }
}
