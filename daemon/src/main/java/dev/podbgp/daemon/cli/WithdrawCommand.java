package dev.podbgp.daemon.cli;

import picocli.CommandLine.Command;

@Command(name = "withdraw", mixinStandardHelpOptions = true,
        description = "Withdraw a route announced with 'podbgp announce', in ExaBGP's text syntax.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  podbgp withdraw route 10.0.0.0/24",
            "  podbgp withdraw attributes nlri 10.1.0.0/24 10.2.0.0/24"})
final class WithdrawCommand extends RouteTextCommand {
    @Override
    String verb() {
        return "withdraw";
    }
}
