package dev.podbgp.k8s.report;

import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Optional;

/**
 * What the daemon reports about this node; compared by value so an unchanged report is not written.
 *
 * @param advertised the prefixes this node originates and announces
 * @param lastError  the most recent error worth an operator's attention (a NOTIFICATION, a refused route)
 */
public record NodeStatusSnapshot(List<SessionSnapshot> sessions, List<Prefix> advertised, Optional<String> lastError) {
    public NodeStatusSnapshot {
        sessions = sessions.stream().sorted((a, b) -> a.peer().compareTo(b.peer())).toList();
        advertised = advertised.stream().sorted().distinct().toList();
    }
}
