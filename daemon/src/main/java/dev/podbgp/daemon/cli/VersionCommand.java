package dev.podbgp.daemon.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "version", mixinStandardHelpOptions = true, description = "Print podbgp's version, the Java runtime and the ExaBGP JSON format it writes.",
        footerHeading = "%nExample:%n", footer = "  podbgp version")
final class VersionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println(Version.line());
    }
}
