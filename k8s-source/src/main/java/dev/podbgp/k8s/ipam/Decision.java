package dev.podbgp.k8s.ipam;

import dev.podbgp.inet.IpAddress;
import java.util.List;

/** What the allocator did for one Service. */
public sealed interface Decision {

    /** Why a Service got no (or not every) address; each becomes the reason of a Warning Event. */
    enum Reason {
        /** The requested address belongs to another Service; sharing is not supported. */
        AddressInUse,
        /** The requested address is in no pool that selects the Service. */
        AddressOutsidePools,
        /** An address the Service holds is in no pool any more (a pool shrank): kept, not reassigned. */
        AddressNoLongerInPool,
        /** No pool selects the Service, or none has the family it asks for. */
        NoMatchingPool,
        /** Every matching pool is full. */
        PoolExhausted,
        /** The Service asks for something impossible (two addresses of one family, a family it does not have). */
        InvalidRequest
    }

    record Problem(Reason reason, String message) {
    }

    /**
     * The Service holds {@code addresses} (its status should say exactly these).
     *
     * @param problems families that could not be served (PreferDualStack), addresses kept outside every pool
     */
    record Assigned(List<IpAddress> addresses, List<Problem> problems) implements Decision {
        public Assigned {
            addresses = List.copyOf(addresses);
            problems = List.copyOf(problems);
        }
    }

    /** Nothing changed for the Service: it keeps what it held before, which may be nothing. */
    record Refused(List<IpAddress> kept, Problem problem) implements Decision {
        public Refused {
            kept = List.copyOf(kept);
        }

        @Override
        public List<IpAddress> addresses() {
            return kept;
        }
    }

    /** The addresses the Service holds after this decision. */
    List<IpAddress> addresses();
}
