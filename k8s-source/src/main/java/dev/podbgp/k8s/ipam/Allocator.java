package dev.podbgp.k8s.ipam;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.k8s.ipam.Decision.Problem;
import dev.podbgp.k8s.ipam.Decision.Reason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which Service holds which address, and the decisions that change it. Pure and single-threaded:
 * the controller owns one instance while it leads, built from the Services' statuses with
 * {@link #claim} before the first {@link #assign}, so a restart never hands out an address twice.
 *
 * <p>An address once held is never moved silently: a pool that shrinks leaves its Services their
 * addresses and says so ({@link Reason#AddressNoLongerInPool}); only a Service that asks for another
 * address, is deleted or stops being podbgp's gives one up.
 */
public final class Allocator {
    // An address has one holder, or several Services that may share it (see Sharing).
    private final Map<IpAddress, Set<String>> holders = new HashMap<>();
    private final Map<String, List<IpAddress>> held = new HashMap<>();
    private final Map<String, Sharing> sharing = new HashMap<>();
    private List<AddressPool> pools;

    public Allocator(List<AddressPool> pools) {
        setPools(pools);
    }

    /** Pools in name order, so "the first free address" does not depend on the order the API server lists them. */
    public void setPools(List<AddressPool> pools) {
        this.pools = pools.stream().sorted(Comparator.comparing(AddressPool::name)).toList();
    }

    /**
     * Records what a Service's status says it holds, without checking pools (a pool may have shrunk
     * since). Addresses other Services hold, and may not share, are not taken and are returned: a
     * duplicate in the cluster, reported by the caller; the Service then gets a fresh address or a refusal.
     */
    public List<IpAddress> claim(String service, Sharing how, List<IpAddress> addresses) {
        List<IpAddress> mine = new ArrayList<>(held.getOrDefault(service, List.of()));
        List<IpAddress> taken = new ArrayList<>();
        Set<AddressFamily> families = new HashSet<>();
        mine.forEach(a -> families.add(a.family()));
        for (IpAddress a : addresses) {
            if (mine.contains(a)) {
                continue;
            }
            if (!freeFor(a, service, how)) {
                taken.add(a);
            } else if (families.add(a.family())) {
                mine.add(a);
            }
        }
        if (!mine.isEmpty()) {
            hold(service, how, mine);
        }
        return taken;
    }

    public List<IpAddress> addressesOf(String service) {
        return held.getOrDefault(service, List.of());
    }

    public Set<String> services() {
        return Set.copyOf(held.keySet());
    }

    /** Who holds {@code a}, in name order; empty when it is free. */
    public List<String> holdersOf(IpAddress a) {
        return holders.getOrDefault(a, Set.of()).stream().sorted().toList();
    }

    public void release(String service) {
        List<IpAddress> gone = held.remove(service);
        sharing.remove(service);
        if (gone != null) {
            for (IpAddress a : gone) {
                Set<String> h = holders.get(a);
                h.remove(service);
                if (h.isEmpty()) {
                    holders.remove(a);
                }
            }
        }
    }

    private void hold(String service, Sharing how, List<IpAddress> addresses) {
        release(service);
        held.put(service, List.copyOf(addresses));
        sharing.put(service, how);
        addresses.forEach(a -> holders.computeIfAbsent(a, k -> new HashSet<>()).add(service));
    }

    /** True when {@code service} may hold {@code a}: nobody else does, or everybody who does may share with it. */
    private boolean freeFor(IpAddress a, String service, Sharing how) {
        for (String other : holders.getOrDefault(a, Set.of())) {
            if (!other.equals(service) && !how.compatibleWith(sharing.getOrDefault(other, Sharing.NONE))) {
                return false;
            }
        }
        return true;
    }

    /** Decides the addresses of {@code r} and records them; a refusal changes nothing. */
    public Decision assign(ServiceRequest r) {
        List<IpAddress> current = addressesOf(r.key());
        Optional<Problem> invalid = invalid(r);
        if (invalid.isPresent()) {
            return new Decision.Refused(current, invalid.get());
        }
        List<AddressPool> candidates = pools.stream()
                .filter(p -> p.selects(r) && r.pool().map(p.name()::equals).orElse(true)).toList();
        List<IpAddress> chosen = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Problem> failures = new ArrayList<>();
        for (AddressFamily f : r.families()) {
            Optional<IpAddress> want = r.requested(f);
            Optional<IpAddress> have = current.stream().filter(a -> a.family() == f).findFirst();
            if (want.isPresent()) {
                IpAddress a = want.get();
                if (!freeFor(a, r.key(), r.sharing())) {
                    failures.add(inUse(a, r));
                } else if (candidates.stream().anyMatch(p -> p.offers(a))) {
                    chosen.add(a);
                } else if (have.equals(want)) {
                    chosen.add(a);
                    problems.add(outsidePools(a));
                } else {
                    failures.add(new Problem(Reason.AddressOutsidePools, a + " is in no ServiceIPPool that selects this Service"));
                }
            } else if (have.isPresent()) {
                IpAddress a = have.get();
                chosen.add(a);
                if (candidates.stream().noneMatch(p -> p.offers(a))) {
                    problems.add(outsidePools(a));
                }
                if (!freeFor(a, r.key(), r.sharing())) {
                    // Its ports or key changed under a shared address: kept, as nothing moves silently.
                    problems.add(inUse(a, r));
                }
            } else {
                firstFree(candidates, f, r).ifPresentOrElse(chosen::add, () -> failures.add(
                        candidates.stream().anyMatch(p -> p.has(f))
                                ? new Problem(Reason.PoolExhausted, "no free " + name(f) + " address in "
                                        + candidates.stream().filter(p -> p.has(f)).map(AddressPool::name).toList())
                                : new Problem(Reason.NoMatchingPool, "no ServiceIPPool with " + name(f)
                                        + " addresses selects this Service" + r.pool().map(p -> " (asked for pool " + p + ")").orElse(""))));
            }
        }
        if (!failures.isEmpty() && (r.allFamilies() || chosen.isEmpty())) {
            return new Decision.Refused(current, failures.getFirst());
        }
        problems.addAll(failures);
        hold(r.key(), r.sharing(), chosen);
        return new Decision.Assigned(chosen, problems);
    }

    private Problem inUse(IpAddress a, ServiceRequest r) {
        List<String> others = holdersOf(a).stream().filter(h -> !h.equals(r.key())).toList();
        String why = r.sharing().key().isEmpty() ? "" : " (sharing needs the same " + ServiceRequests.ALLOW_SHARED_IP
                + " key on both and no port in common)";
        return new Problem(Reason.AddressInUse, a + " is already assigned to " + String.join(", ", others) + why);
    }

    private static Optional<Problem> invalid(ServiceRequest r) {
        Set<AddressFamily> seen = new HashSet<>();
        for (IpAddress a : r.requested()) {
            if (!seen.add(a.family())) {
                return Optional.of(new Problem(Reason.InvalidRequest, "more than one " + name(a.family())
                        + " address requested: " + r.requested()));
            }
            if (!r.families().contains(a.family())) {
                return Optional.of(new Problem(Reason.InvalidRequest, "requested " + a + " but the Service's ipFamilies are "
                        + r.families().stream().map(Allocator::name).toList()));
            }
        }
        return Optional.empty();
    }

    private static Problem outsidePools(IpAddress a) {
        return new Problem(Reason.AddressNoLongerInPool, a + " is in no ServiceIPPool that selects this Service any more;"
                + " it is kept until the Service gives it up");
    }

    /**
     * An address the Service may share with others that already hold it (lowest first), else the
     * lowest free address of the first pool (by name) that has one.
     */
    private Optional<IpAddress> firstFree(List<AddressPool> candidates, AddressFamily f, ServiceRequest r) {
        if (r.sharing().key().isPresent()) {
            Optional<IpAddress> shared = holders.keySet().stream()
                    .filter(a -> a.family() == f && freeFor(a, r.key(), r.sharing()) && candidates.stream().anyMatch(p -> p.offers(a)))
                    .sorted().findFirst();
            if (shared.isPresent()) {
                return shared;
            }
        }
        for (AddressPool p : candidates) {
            for (AddressRange range : p.ranges()) {
                if (range.family() != f) {
                    continue;
                }
                // Walks past held addresses only: at most (held + buggy + 1) steps per range.
                IpAddress a = range.first();
                while (true) {
                    if (!holders.containsKey(a) && p.offers(a)) {
                        return Optional.of(a);
                    }
                    if (a.equals(range.last())) {
                        break;
                    }
                    a = AddressRange.next(a);
                }
            }
        }
        return Optional.empty();
    }

    public PoolUsage usage(AddressPool pool) {
        long[] allocated = new long[2];
        holders.keySet().stream().filter(pool::offers).forEach(a -> allocated[a.family().ordinal()]++);
        return new PoolUsage(allocated[0], available(pool, AddressFamily.IPV4, allocated[0]),
                allocated[1], available(pool, AddressFamily.IPV6, allocated[1]));
    }

    private static long available(AddressPool pool, AddressFamily f, long allocated) {
        BigInteger left = pool.capacity(f).subtract(BigInteger.valueOf(allocated)).max(BigInteger.ZERO);
        return left.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }

    static String name(AddressFamily f) {
        return f == AddressFamily.IPV4 ? "IPv4" : "IPv6";
    }
}
