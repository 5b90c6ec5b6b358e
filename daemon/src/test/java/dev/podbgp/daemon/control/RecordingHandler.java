package dev.podbgp.daemon.control;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the daemon behind the control socket: fixed views, and a record of what it was
 * asked, so tests see what crossed the socket. Filtering mimics what the daemon's handler must do.
 */
public class RecordingHandler implements ControlHandler {
    public static final List<NeighborView> NEIGHBORS = List.of(
            new NeighborView("192.0.2.1", 65001, "Established", 3723, 12, 10, 2, "", "Up", 1,
                    List.of("192.0.2.10", "2001:db8::10", "fe80::10"), List.of()),
            new NeighborView("2001:db8::1", 4200000001L, "Active", 5, 0, 0, 0, "Cease/administrative-reset", "", 0,
                    List.of("2001:db8::10"), List.of("ipv4 unicast")));
    public static final List<RouteView> ROUTES = List.of(
            new RouteView("10.240.2.0/24", List.of("192.0.2.1"), true, "shorter AS path", "192.0.2.1", "65001",
                    "igp", 100, -1, List.of("65000:1")),
            new RouteView("10.240.2.0/24", List.of("192.0.2.2"), false, "shorter AS path", "192.0.2.2", "65002 65001",
                    "igp", 100, 5, List.of()),
            new RouteView("10.240.1.0/24", List.of(), true, "", "local", "", "igp", 100, -1, List.of()),
            new RouteView("192.168.0.0/16", List.of("192.0.2.1"), true, "", "192.0.2.1", "65001", "incomplete", 100, -1,
                    List.of()));
    public static final List<FibView> FIB = List.of(
            new FibView("10.240.2.0/24", List.of("192.0.2.1"), 254, 244, "installed", ""),
            new FibView("10.250.0.0/16", List.of("192.0.2.1", "192.0.2.2"), 254, 244, "failed", "ENETUNREACH"));
    public static final String CONFIG = "node:\n  name: node-1\n  asn: 65000\n";

    public final List<Object> calls = new CopyOnWriteArrayList<>();
    public volatile String reloadRefusal;

    @Override
    public List<NeighborView> neighbors() {
        calls.add("neighbors");
        return NEIGHBORS;
    }

    @Override
    public List<RouteView> routes(Optional<Prefix> filter) {
        calls.add(filter);
        return ROUTES.stream().filter(r -> filter.map(f -> f.contains(Prefix.parse(r.prefix()))).orElse(true)).toList();
    }

    @Override
    public List<FibView> fib() {
        calls.add("fib");
        return FIB;
    }

    @Override
    public String config() {
        calls.add("config");
        return CONFIG;
    }

    @Override
    public String routeCommand(Command command) {
        calls.add(command);
        return switch (command) {
            case Command.Announce a -> "announced " + a.routes().getFirst().prefix() + " to 1 peer";
            case Command.Withdraw w -> "withdrew " + w.routes().getFirst().prefix() + " from 1 peer";
            case Command.EndOfRib e -> "sent End-of-RIB";
        };
    }

    @Override
    public String reload() throws ControlException {
        calls.add("reload");
        if (reloadRefusal != null) {
            throw new ControlException(reloadRefusal);
        }
        return "config reloaded: 1 peer added";
    }

    @Override
    public String clearNeighbor(IpAddress address, ClearScope scope) throws ControlException {
        calls.add(address + " " + scope);
        NeighborView n = NEIGHBORS.stream().filter(v -> IpAddress.parse(v.address()).equals(address)).findFirst()
                .orElseThrow(() -> new ControlException("no configured peer has address " + address));
        if (scope != ClearScope.HARD && !n.state().equals("Established")) {
            throw new ControlException("the session to " + address + " is " + n.state() + ", not Established");
        }
        return switch (scope) {
            case HARD -> "reset the session to " + address;
            case SOFT_IN -> "asked " + address + " for its routes again";
            case SOFT_OUT -> "sending " + address + " our routes again";
        };
    }
}
