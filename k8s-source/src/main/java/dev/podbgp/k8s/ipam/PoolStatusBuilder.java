package dev.podbgp.k8s.ipam;

import dev.podbgp.k8s.crd.ServiceIPPool;
import dev.podbgp.k8s.crd.ServiceIPPoolStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The status one pass computes for a pool. A condition keeps its lastTransitionTime while its
 * status stays the same, so an unchanged pool is not written again.
 */
final class PoolStatusBuilder {
    private static final int LISTED = 5;
    /** Condition reasons that also become a Warning Event on the pool when they appear. */
    static final String INVALID_SPEC = "InvalidSpec";
    static final String SERVICES_WAITING = "ServicesWaiting";
    static final String ADDRESS_IN_USE = "AddressInUse";
    static final Set<String> WARNINGS = Set.of(INVALID_SPEC, SERVICES_WAITING, ADDRESS_IN_USE);

    private PoolStatusBuilder() {
    }

    static ServiceIPPoolStatus build(ServiceIPPool pool, PoolUsage usage, List<String> problems, List<String> waiting,
                                     List<String> conflicts, Instant now) {
        ServiceIPPoolStatus s = new ServiceIPPoolStatus();
        s.allocatedIPv4 = usage.allocatedIpv4();
        s.availableIPv4 = usage.availableIpv4();
        s.allocatedIPv6 = usage.allocatedIpv6();
        s.availableIPv6 = usage.availableIpv6();
        List<Condition> previous = pool.getStatus() == null || pool.getStatus().conditions == null ? List.of()
                : pool.getStatus().conditions;
        long generation = pool.getMetadata().getGeneration() == null ? 0 : pool.getMetadata().getGeneration();
        s.conditions = new ArrayList<>();
        s.conditions.add(condition(previous, generation, now, "Valid", problems.isEmpty(),
                problems.isEmpty() ? "Parsed" : INVALID_SPEC,
                problems.isEmpty() ? "every cidr and range parsed" : String.join("; ", problems)));
        boolean exhausted = usage.exhausted();
        s.conditions.add(condition(previous, generation, now, "Exhausted", exhausted,
                !exhausted ? "AddressesFree" : waiting.isEmpty() ? "NoFreeAddress" : SERVICES_WAITING,
                exhausted ? "no free address" + (waiting.isEmpty() ? "" : "; waiting: " + listed(waiting))
                        : usage.availableIpv4() + " IPv4 and " + usage.availableIpv6() + " IPv6 addresses free"));
        s.conditions.add(condition(previous, generation, now, "Conflict", !conflicts.isEmpty(),
                conflicts.isEmpty() ? "NoConflict" : ADDRESS_IN_USE,
                conflicts.isEmpty() ? "no Service asks for an address another one holds" : listed(conflicts)));
        return s;
    }

    private static String listed(List<String> items) {
        return items.size() <= LISTED ? String.join(", ", items)
                : String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
    }

    private static Condition condition(List<Condition> previous, long generation, Instant now, String type, boolean value,
                                       String reason, String message) {
        String status = value ? "True" : "False";
        String since = previous.stream().filter(c -> type.equals(c.getType()) && status.equals(c.getStatus()))
                .map(Condition::getLastTransitionTime).filter(Objects::nonNull).findFirst()
                .orElse(DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withObservedGeneration(generation).withLastTransitionTime(since).build();
    }

    /** Whether writing {@code next} over {@code cur} would change what the pool shows. */
    static boolean differs(ServiceIPPoolStatus cur, ServiceIPPoolStatus next) {
        return cur == null || !Objects.equals(cur.allocatedIPv4, next.allocatedIPv4)
                || !Objects.equals(cur.availableIPv4, next.availableIPv4)
                || !Objects.equals(cur.allocatedIPv6, next.allocatedIPv6)
                || !Objects.equals(cur.availableIPv6, next.availableIPv6)
                || !Objects.equals(cur.conditions, next.conditions);
    }
}
