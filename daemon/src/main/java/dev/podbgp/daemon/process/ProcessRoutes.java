package dev.podbgp.daemon.process;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which helper announced which prefix, so that the routes of a helper that died (or was removed from the config) can
 * be withdrawn: a dead health check cannot vouch for its service. The last announcement of a prefix owns it,
 * whoever made it; an operator's {@code announce route} on the control socket takes a prefix over
 * ({@link #takenOver}) and a helper's death then leaves it alone.
 *
 * <p>ExaBGP 4.2 keeps what a dead helper announced (its RIB is per neighbor, not per process) until the helper,
 * respawned, says otherwise; podbgp withdraws at once, see docs/processes.md.
 *
 * <p>Locked: helpers' reader threads, the supervisors and the control socket call in; each change is handed to the
 * sink under the lock so the RIB sees announcements and withdrawals of one prefix in the order they were decided.
 */
public final class ProcessRoutes {

    private final RouteSink sink;
    private final Map<Prefix, String> owners = new HashMap<>();

    public ProcessRoutes(RouteSink sink) {
        this.sink = sink;
    }

    synchronized void announce(String process, Command.Announce announce) {
        sink.announce(announce);
        for (Prefix p : announce.prefixes()) {
            owners.put(p, process);
        }
    }

    synchronized void withdraw(String process, Command.Withdraw withdraw) {
        sink.withdraw(withdraw);
        withdraw.prefixes().forEach(owners::remove);
    }

    /** The operator announced or withdrew these prefixes on the control socket: no helper owns them any more. */
    public synchronized void takenOver(Collection<Prefix> prefixes) {
        prefixes.forEach(owners::remove);
    }

    /**
     * Withdraws every prefix {@code process} owns.
     *
     * @return the prefixes withdrawn
     */
    synchronized List<Prefix> release(String process) {
        List<NlriEntry> owned = new ArrayList<>();
        List<Prefix> prefixes = new ArrayList<>();
        owners.entrySet().removeIf(e -> {
            if (e.getValue().equals(process)) {
                owned.add(NlriEntry.of(e.getKey()));
                prefixes.add(e.getKey());
                return true;
            }
            return false;
        });
        // One command per family: a Withdraw carries one family.
        for (boolean v4 : new boolean[] {true, false}) {
            List<NlriEntry> family = owned.stream().filter(e -> isV4(e.prefix()) == v4).toList();
            if (!family.isEmpty()) {
                sink.withdraw(new Command.Withdraw(List.of(), family));
            }
        }
        return prefixes;
    }

    /** The prefixes {@code process} owns now, for {@code show} and tests. */
    synchronized List<Prefix> ownedBy(String process) {
        return owners.entrySet().stream().filter(e -> e.getValue().equals(process)).map(Map.Entry::getKey).sorted()
                .toList();
    }

    private static boolean isV4(Prefix p) {
        return p.family() == AddressFamily.IPV4;
    }
}
