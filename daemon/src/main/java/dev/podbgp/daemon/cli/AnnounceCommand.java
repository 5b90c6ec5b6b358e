package dev.podbgp.daemon.cli;

/** {@code podbgp announce ...}: a route to the peers, in ExaBGP's text syntax. */
final class AnnounceCommand {
    private AnnounceCommand() {}

    static CliCommand command() {
        return RouteTextCommand.named("announce", "Announce a route to the peers, in ExaBGP's text syntax.")
                .details(
                        "The words are those an ExaBGP API process writes. The route stays until withdrawn",
                        "or the daemon restarts; the config's own routes are not affected.")
                .examples(
                        "  podbgp announce route 10.0.0.0/24 next-hop self",
                        "  podbgp announce route 10.0.0.0/24 next-hop 192.0.2.1 as-path [ 65001 ] community [ no-export ]",
                        "  podbgp announce route fd00:1::/64 next-hop self local-preference 200",
                        "  podbgp announce attributes next-hop self nlri 10.1.0.0/24 10.2.0.0/24")
                .notes(
                        "Attributes: origin, as-path, med, local-preference, community, large-community,",
                        "extended-community, atomic-aggregate, aggregator, originator-id, cluster-list.")
                .action(RouteTextCommand.sending("announce"));
    }
}
