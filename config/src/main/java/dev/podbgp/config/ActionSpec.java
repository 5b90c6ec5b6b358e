package dev.podbgp.config;

import java.util.List;
import java.util.OptionalLong;

/** One attribute change of a rule, applied in the order written. */
public sealed interface ActionSpec {
    record SetLocalPref(long value) implements ActionSpec {
    }

    record SetMed(long value) implements ActionSpec {
    }

    record AddCommunities(List<StandardCommunity> communities) implements ActionSpec {
        public AddCommunities {
            communities = List.copyOf(communities);
        }
    }

    record RemoveCommunities(List<StandardCommunity> communities) implements ActionSpec {
        public RemoveCommunities {
            communities = List.copyOf(communities);
        }
    }

    record AddLargeCommunities(List<LargeCommunitySpec> communities) implements ActionSpec {
        public AddLargeCommunities {
            communities = List.copyOf(communities);
        }
    }

    record RemoveLargeCommunities(List<LargeCommunitySpec> communities) implements ActionSpec {
        public RemoveLargeCommunities {
            communities = List.copyOf(communities);
        }
    }

    /** Prepend {@code asn} (the node's own AS when empty) {@code times} times, 1..255. */
    record Prepend(OptionalLong asn, int times) implements ActionSpec {
    }
}
