package dev.podbgp.daemon.cli;

/** {@code podbgp version}: the line {@code --version} prints too. */
final class VersionCommand {
    private VersionCommand() {}

    static CliCommand command() {
        return CliCommand.named("version", "Print podbgp's version, the Java runtime and the ExaBGP JSON format it writes.")
                .examples("  podbgp version")
                .action((args, out, err) -> {
                    out.println(Version.line());
                    return Main.EXIT_OK;
                });
    }
}
