package dev.podbgp.daemon.cli;

/** {@code podbgp reload}: the daemon rereads its config file, as on SIGHUP. */
final class ReloadCommand {
    private ReloadCommand() {}

    static CliCommand command() {
        return CliCommand.named("reload", "Make the daemon reread its config file, like SIGHUP.")
                .details(
                        "An invalid file is refused (the message names file, line and field) and the running",
                        "config stays. A valid one is applied without resetting sessions it does not affect: a",
                        "policy change re-evaluates routes, a new peer starts a session, a removed peer gets a",
                        "Cease.")
                .options(SocketOption.OPTION)
                .examples("  podbgp validate /etc/podbgp/podbgp.yaml && podbgp reload")
                .action((args, out, err) -> {
                    out.println(SocketOption.client(args).reload());
                    return Main.EXIT_OK;
                });
    }
}
