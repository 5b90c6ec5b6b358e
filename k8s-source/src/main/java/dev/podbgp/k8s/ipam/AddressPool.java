package dev.podbgp.k8s.ipam;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.k8s.mapping.LabelMatcher;
import java.math.BigInteger;
import java.util.List;

/**
 * One ServiceIPPool as the allocator sees it.
 *
 * @param avoidBuggyIps never hand out IPv4 addresses ending in .0 or .255
 * @param services      which Services may take addresses from this pool, by their labels
 * @param namespaces    the same by the labels of the Service's namespace
 */
public record AddressPool(String name, List<AddressRange> ranges, boolean avoidBuggyIps, LabelMatcher services,
                          LabelMatcher namespaces) {
    public AddressPool {
        ranges = List.copyOf(ranges);
    }

    public boolean selects(ServiceRequest s) {
        return services.matches(s.labels()) && namespaces.matches(s.namespaceLabels());
    }

    /** True when this pool would hand out {@code a}. */
    public boolean offers(IpAddress a) {
        return (!avoidBuggyIps || !AddressRange.isBuggy(a)) && ranges.stream().anyMatch(r -> r.contains(a));
    }

    public boolean has(AddressFamily f) {
        return ranges.stream().anyMatch(r -> r.family() == f);
    }

    /** How many addresses of {@code f} this pool can hand out in all; overlapping ranges count twice. */
    public BigInteger capacity(AddressFamily f) {
        BigInteger n = BigInteger.ZERO;
        for (AddressRange r : ranges) {
            if (r.family() == f) {
                n = n.add(r.size()).subtract(avoidBuggyIps ? r.buggyCount() : BigInteger.ZERO);
            }
        }
        return n;
    }
}
