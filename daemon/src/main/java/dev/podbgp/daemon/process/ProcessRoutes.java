package dev.podbgp.daemon.process;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.PeerScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which helper announced which prefix to whom, so that the routes of a helper that died (or was removed from the
 * config) can be withdrawn: a dead health check cannot vouch for its service. A prefix has one owner for the route
 * to every peer and one per named peer ({@code neighbor A announce ...}); the last announcement of a prefix for a
 * peer owns it there, whoever made it. An announcement for every peer replaces what named peers were told, as in
 * ExaBGP. An operator's {@code announce route} on the control socket takes a prefix over ({@link #takenOver}) and
 * a helper's death then leaves it alone.
 *
 * <p>ExaBGP 4.2 keeps what a dead helper announced (its RIB is per neighbor, not per process) until the helper,
 * respawned, says otherwise; podbgp withdraws at once, see docs/processes.md. It withdraws only what the helper
 * owns: another helper's route to a named peer stays.
 *
 * <p>Locked: helpers' reader threads, the supervisors and the control socket call in; each change is handed to the
 * sink under the lock so the RIB sees announcements and withdrawals of one prefix in the order they were decided.
 */
public final class ProcessRoutes {

    /** The owner of the route for every peer sits at this key; a named peer's at its address. */
    private static final Optional<IpAddress> EVERYONE = Optional.empty();

    private final RouteSink sink;
    private final Map<Prefix, Map<Optional<IpAddress>, String>> owners = new HashMap<>();

    public ProcessRoutes(RouteSink sink) {
        this.sink = sink;
    }

    synchronized void announce(String process, Command.Announce announce, PeerScope scope) {
        sink.announce(announce, scope);
        for (Prefix p : announce.prefixes()) {
            switch (scope) {
                case PeerScope.Everyone e -> {
                    Map<Optional<IpAddress>, String> claims = new HashMap<>();
                    claims.put(EVERYONE, process);
                    owners.put(p, claims);
                }
                case PeerScope.Peers peers -> {
                    Map<Optional<IpAddress>, String> claims = owners.computeIfAbsent(p, k -> new HashMap<>());
                    peers.addresses().forEach(a -> claims.put(Optional.of(a), process));
                }
            }
        }
    }

    synchronized void withdraw(String process, Command.Withdraw withdraw, PeerScope scope) {
        sink.withdraw(withdraw, scope);
        for (Prefix p : withdraw.prefixes()) {
            switch (scope) {
                case PeerScope.Everyone e -> owners.remove(p);
                case PeerScope.Peers peers -> {
                    Map<Optional<IpAddress>, String> claims = owners.get(p);
                    if (claims != null) {
                        peers.addresses().forEach(a -> claims.remove(Optional.of(a)));
                        if (claims.isEmpty()) {
                            owners.remove(p);
                        }
                    }
                }
            }
        }
    }

    /** The operator announced or withdrew these prefixes on the control socket: no helper owns them any more. */
    public synchronized void takenOver(Collection<Prefix> prefixes) {
        prefixes.forEach(owners::remove);
    }

    /**
     * Withdraws every route {@code process} owns, for the peers it owns them for: named peers fall back to the route
     * for every peer if another helper announced one, and named peers keep their own when the helper owned the
     * route for every peer.
     *
     * @return the prefixes withdrawn, in order
     */
    synchronized List<Prefix> release(String process) {
        // Per scope (every peer, or one named peer) and family: a command carries one family.
        Map<Optional<IpAddress>, List<Prefix>> released = new TreeMap<>(ProcessRoutes::compareKeys);
        Set<Prefix> prefixes = new TreeSet<>();
        owners.entrySet().removeIf(e -> {
            e.getValue().entrySet().removeIf(claim -> {
                if (claim.getValue().equals(process)) {
                    released.computeIfAbsent(claim.getKey(), k -> new ArrayList<>()).add(e.getKey());
                    prefixes.add(e.getKey());
                    return true;
                }
                return false;
            });
            return e.getValue().isEmpty();
        });
        released.forEach((key, list) -> {
            PeerScope scope = key.<PeerScope>map(a -> PeerScope.Peers.of(Set.of(a))).orElse(PeerScope.EVERYONE);
            for (boolean v4 : new boolean[] {true, false}) {
                List<Prefix> family = list.stream().filter(p -> isV4(p) == v4).sorted().toList();
                if (!family.isEmpty()) {
                    sink.forget(family, scope);
                }
            }
        });
        return List.copyOf(prefixes);
    }

    /** The prefixes {@code process} owns now, for any peer, for {@code show} and tests. */
    synchronized List<Prefix> ownedBy(String process) {
        return owners.entrySet().stream().filter(e -> e.getValue().containsValue(process)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    private static int compareKeys(Optional<IpAddress> a, Optional<IpAddress> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isPresent(), b.isPresent());
        }
        return a.get().compareTo(b.get());
    }

    private static boolean isV4(Prefix p) {
        return p.family() == AddressFamily.IPV4;
    }
}
