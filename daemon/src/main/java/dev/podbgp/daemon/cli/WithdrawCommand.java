package dev.podbgp.daemon.cli;

/** {@code podbgp withdraw ...}: take back a route {@code announce} added. */
final class WithdrawCommand {
    private WithdrawCommand() {}

    static CliCommand command() {
        return RouteTextCommand.named("withdraw", "Withdraw a route announced with 'podbgp announce', in ExaBGP's text syntax.")
                .examples(
                        "  podbgp withdraw route 10.0.0.0/24",
                        "  podbgp withdraw attributes nlri 10.1.0.0/24 10.2.0.0/24")
                .action(RouteTextCommand.sending("withdraw"));
    }
}
