package dev.podbgp.daemon.run;

import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredStateDiff;
import java.util.List;

/** One line saying what a reload changed, as the log and {@code podbgp reload} print it. */
final class ReloadSummary {

    private ReloadSummary() {
    }

    static String of(DesiredStateDiff diff) {
        if (diff.isEmpty()) {
            return "unchanged=true";
        }
        return "peers-added=" + addresses(diff.peersAdded()) + " peers-removed=" + addresses(diff.peersRemoved())
                + " peers-reset=" + diff.peersToReset() + " peers-reevaluated=" + diff.peersToReevaluate()
                + " originated-added=" + diff.originatedAdded() + " originated-removed=" + diff.originatedRemoved()
                + " settings=" + diff.settingsChanged().stream().sorted().toList();
    }

    private static List<String> addresses(List<DesiredPeer> peers) {
        return peers.stream().map(p -> p.address().toString()).toList();
    }
}
