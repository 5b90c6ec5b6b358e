package dev.podbgp.k8s.ipam;

import dev.podbgp.k8s.crd.ServiceIPPool;
import dev.podbgp.k8s.crd.ServiceIPPoolSpec;
import dev.podbgp.k8s.mapping.LabelMatcher;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link ServiceIPPool} into an {@link AddressPool}. A bad cidr or range is left out and
 * named in {@link Mapped#problems()}; the rest of the pool stays usable, and Services holding
 * addresses of the bad entry keep them (the allocator never moves a held address). A selector
 * that cannot be understood selects nothing: handing a pool to Services it was meant to exclude
 * cannot be undone, waiting for a fix can.
 */
public final class PoolMapper {
    public record Mapped(AddressPool pool, List<String> problems) {
        public Mapped {
            problems = List.copyOf(problems);
        }
    }

    private PoolMapper() {
    }

    public static Mapped map(ServiceIPPool p) {
        ServiceIPPoolSpec spec = p.getSpec() == null ? new ServiceIPPoolSpec() : p.getSpec();
        List<String> problems = new ArrayList<>();
        List<AddressRange> ranges = new ArrayList<>();
        for (String c : nonNull(spec.cidrs)) {
            if (c.indexOf('/') < 0) {
                problems.add("spec.cidrs: '" + c + "' is not a prefix (address/length)");
                continue;
            }
            parse("spec.cidrs", c, ranges, problems);
        }
        for (String r : nonNull(spec.ranges)) {
            if (r.indexOf('-') < 0) {
                problems.add("spec.ranges: '" + r + "' is not first-last");
                continue;
            }
            parse("spec.ranges", r, ranges, problems);
        }
        if (ranges.isEmpty() && problems.isEmpty()) {
            problems.add("spec: neither cidrs nor ranges name an address");
        }
        AddressPool pool = new AddressPool(p.getMetadata().getName(), ranges, Boolean.TRUE.equals(spec.avoidBuggyIPs),
                selector("spec.serviceSelector", spec.serviceSelector, problems),
                selector("spec.namespaceSelector", spec.namespaceSelector, problems));
        return new Mapped(pool, problems);
    }

    private static void parse(String field, String text, List<AddressRange> ranges, List<String> problems) {
        try {
            ranges.add(AddressRange.parse(text));
        } catch (IllegalArgumentException e) {
            problems.add(field + ": '" + text + "': " + e.getMessage());
        }
    }

    static LabelMatcher selector(String field, LabelSelector s, List<String> problems) {
        LabelMatcher.Read read = LabelMatcher.read(s);
        read.problem().ifPresent(why -> problems.add(field + ": " + why + "; the pool selects nothing until it is fixed"));
        return read.matcher();
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
