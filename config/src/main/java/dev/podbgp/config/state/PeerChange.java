package dev.podbgp.config.state;

import java.util.Set;

/** A peer present before and after a reload whose settings differ. */
public record PeerChange(DesiredPeer before, DesiredPeer after, Set<PeerField> fields) {
    public PeerChange {
        fields = Set.copyOf(fields);
    }

    /** Any changed setting is negotiated at session start. */
    public boolean resetsSession() {
        return fields.stream().anyMatch(PeerField::resetsSession);
    }
}
