package dev.podbgp.daemon.process;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.exabgp.CommandParser;
import dev.podbgp.bgp.exabgp.ParseResult;
import dev.podbgp.bgp.exabgp.PeerSelector;
import dev.podbgp.bgp.exabgp.PeerSelector.PeerIdentity;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One helper's command lines, each to an {@link Answer}. Route commands are parsed by the same
 * {@link CommandParser} as the control socket's and reach the same origination; anything else (garbage, ExaBGP
 * commands podbgp does not take from helpers) is refused with a reason. Nothing a line says can fail a session.
 *
 * <p>Selectors: podbgp originates a route to every peer its export rules allow (the RIB has one local route per
 * prefix, not one per peer). A {@code neighbor ...} selector is therefore checked rather than applied: one that
 * matches every configured peer is accepted (the common single-ToR case: {@code neighbor 10.0.0.1 announce ...}),
 * one that matches none is refused as ExaBGP refuses it, and one that matches only some is refused instead of
 * announcing to peers the helper did not name.
 */
final class ProcessCommands {

    /** ExaBGP API commands that are not route changes; named in the refusal so the operator knows why. */
    private static final Set<String> OTHER_EXABGP_COMMANDS = Set.of("shutdown", "reload", "restart", "version",
            "show", "teardown", "flush", "clear", "help", "reset", "enable-ack", "disable-ack", "silence-ack", "ping",
            "status", "crash");

    private final String process;
    private final ProcessRoutes routes;
    private final Supplier<List<PeerIdentity>> peers;

    ProcessCommands(String process, ProcessRoutes routes, Supplier<List<PeerIdentity>> peers) {
        this.process = process;
        this.routes = routes;
        this.peers = peers;
    }

    Answer handle(String line) {
        if (line.isBlank()) {
            // ExaBGP answers error to an empty line too: no command matches it.
            return new Answer.Error("empty line");
        }
        String first = line.strip().split("\\s+", 2)[0];
        if (OTHER_EXABGP_COMMANDS.contains(first)) {
            return new Answer.Error("'" + first + "' is an ExaBGP command podbgp does not take from helper processes; "
                    + "only announce and withdraw");
        }
        return switch (CommandParser.parse(line)) {
            case ParseResult.Refused r -> new Answer.Error(r.error().toString());
            case ParseResult.Parsed p -> command(p.command());
        };
    }

    private Answer command(Command command) {
        String refused = selectorProblem(command.peers());
        if (refused != null) {
            return new Answer.Error(refused);
        }
        try {
            return switch (command) {
                case Command.Announce a -> {
                    routes.announce(process, a);
                    yield new Answer.Done("announced " + a.routes().size() + " route(s)");
                }
                case Command.Withdraw w -> {
                    routes.withdraw(process, w);
                    yield new Answer.Done("withdrew " + w.routes().size() + " route(s)");
                }
                case Command.EndOfRib e -> new Answer.Error("End-of-RIB is sent by podbgp itself after each table");
            };
        } catch (IllegalStateException e) {
            // The RIB is closing: the daemon is stopping.
            return new Answer.Error("podbgp is stopping: " + e.getMessage());
        }
    }

    /** Null when the selectors may be honoured by announcing to every peer; the refusal otherwise. */
    private String selectorProblem(List<PeerSelector> selectors) {
        if (selectors.isEmpty()) {
            return null;
        }
        List<PeerIdentity> all = peers.get();
        long matched = all.stream().filter(p -> selectors.stream().anyMatch(s -> s.matches(p))).count();
        if (matched == 0) {
            return "no configured peer matches the neighbor selector";
        }
        if (matched < all.size()) {
            return "the neighbor selector matches " + matched + " of " + all.size() + " peers; podbgp announces a "
                    + "helper's routes to every peer, so a selector must match all of them or be left out";
        }
        return null;
    }
}
