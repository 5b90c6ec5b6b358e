package dev.podbgp.k8s.report;

import dev.podbgp.inet.IpAddress;
import java.util.Optional;

/**
 * One session as the daemon sees it.
 *
 * @param state RFC 4271 §8.2.2 state name (Idle, Connect, Active, OpenSent, OpenConfirm, Established)
 */
public record SessionSnapshot(IpAddress peer, long peerAsn, String state, long prefixesReceived,
                             long prefixesAdvertised, Optional<String> lastError) {
    public static final String ESTABLISHED = "Established";

    public boolean established() {
        return ESTABLISHED.equals(state);
    }
}
