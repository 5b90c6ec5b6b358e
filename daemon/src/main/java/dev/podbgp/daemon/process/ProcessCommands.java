package dev.podbgp.daemon.process;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.exabgp.CommandParser;
import dev.podbgp.bgp.exabgp.ParseResult;
import dev.podbgp.bgp.exabgp.PeerSelector;
import dev.podbgp.bgp.exabgp.PeerSelector.PeerIdentity;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.rib.PeerScope;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One helper's command lines, each to an {@link Answer}. Route commands are parsed by the same
 * {@link CommandParser} as the control socket's and reach the same origination; anything else (garbage, ExaBGP
 * commands podbgp does not take from helpers) is refused with a reason. Nothing a line says can fail a session.
 *
 * <p>Selectors: a command without one is for every peer, now and later. {@code neighbor ...} selectors (several,
 * comma-separated, match a peer when any of them does) are resolved as ExaBGP resolves them, at command time
 * against the configured peers: the command is for the peers they match then ({@link PeerScope.Peers}), and a peer
 * configured later is not among them. A selector that matches no peer is refused, as ExaBGP refuses it.
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
        PeerScope scope = scopeOf(command.peers());
        if (scope == null) {
            return new Answer.Error("no configured peer matches the neighbor selector");
        }
        try {
            return switch (command) {
                case Command.Announce a -> {
                    routes.announce(process, a, scope);
                    yield new Answer.Done("announced " + a.routes().size() + " route(s)");
                }
                case Command.Withdraw w -> {
                    routes.withdraw(process, w, scope);
                    yield new Answer.Done("withdrew " + w.routes().size() + " route(s)");
                }
                case Command.EndOfRib e -> new Answer.Error("End-of-RIB is sent by podbgp itself after each table");
            };
        } catch (IllegalStateException e) {
            // The RIB is closing: the daemon is stopping.
            return new Answer.Error("podbgp is stopping: " + e.getMessage());
        }
    }

    /** The peers the selectors name now (every peer, without one), or null when they name none. */
    private PeerScope scopeOf(List<PeerSelector> selectors) {
        if (selectors.isEmpty()) {
            return PeerScope.EVERYONE;
        }
        Set<IpAddress> matched = peers.get().stream().filter(p -> selectors.stream().anyMatch(s -> s.matches(p)))
                .map(PeerIdentity::peerAddress).collect(Collectors.toSet());
        return matched.isEmpty() ? null : PeerScope.Peers.of(matched);
    }
}
