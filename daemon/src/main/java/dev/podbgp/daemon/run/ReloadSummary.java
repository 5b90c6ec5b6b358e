package dev.podbgp.daemon.run;

import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredStateDiff;
import dev.podbgp.log.LogField;
import java.util.List;

/** What a reload changed: the fields of the {@code state-applied} log line, and the line {@code podbgp reload} prints. */
final class ReloadSummary {

    private ReloadSummary() {
    }

    static List<LogField> of(DesiredStateDiff diff) {
        if (diff.isEmpty()) {
            return List.of(new LogField("unchanged", "true"));
        }
        return List.of(
                new LogField("peers-added", String.valueOf(addresses(diff.peersAdded()))),
                new LogField("peers-removed", String.valueOf(addresses(diff.peersRemoved()))),
                new LogField("peers-reset", String.valueOf(diff.peersToReset())),
                new LogField("peers-reevaluated", String.valueOf(diff.peersToReevaluate())),
                new LogField("originated-added", String.valueOf(diff.originatedAdded())),
                new LogField("originated-removed", String.valueOf(diff.originatedRemoved())),
                new LogField("service-routes-announced", String.valueOf(diff.serviceRoutesAnnounced().stream()
                        .map(r -> r.prefix().toString()).toList())),
                new LogField("service-routes-withdrawn", String.valueOf(diff.serviceRoutesWithdrawn())),
                new LogField("settings", String.valueOf(diff.settingsChanged().stream().sorted().toList())));
    }

    /** For the operator's terminal: {@code key=value} separated by blanks, values as they are. */
    static String text(List<LogField> summary) {
        StringBuilder out = new StringBuilder();
        for (LogField f : summary) {
            out.append(out.isEmpty() ? "" : " ").append(f.key()).append('=').append(f.value());
        }
        return out.toString();
    }

    private static List<String> addresses(List<DesiredPeer> peers) {
        return peers.stream().map(p -> p.address().toString()).toList();
    }
}
