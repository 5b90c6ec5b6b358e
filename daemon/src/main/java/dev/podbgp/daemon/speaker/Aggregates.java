package dev.podbgp.daemon.speaker;

import dev.podbgp.config.AggregateSpec;
import dev.podbgp.config.PeerKindSpec;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.rib.out.Aggregate;
import dev.podbgp.rib.out.AggregatePeers;
import dev.podbgp.rib.policy.PeerKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The desired state's {@code aggregates} as Adj-RIB-Out takes them. A pure function of the state. */
final class Aggregates {

    private Aggregates() {
    }

    static List<Aggregate> of(DesiredState s) {
        return s.aggregates().stream().map(Aggregates::aggregate).toList();
    }

    private static Aggregate aggregate(AggregateSpec a) {
        Set<PeerKind> kinds = new HashSet<>();
        for (PeerKindSpec k : a.peerKinds()) {
            kinds.add(switch (k) {
                case MESH -> PeerKind.MESH;
                case EXTERNAL -> PeerKind.EXTERNAL;
            });
        }
        return new Aggregate(a.prefix(), a.summaryOnly(), new AggregatePeers(Set.copyOf(a.peerAddresses()), kinds));
    }
}
