package dev.podbgp.k8s.ipam;

import dev.podbgp.k8s.crd.ServiceIPPool;
import dev.podbgp.k8s.crd.ServiceIPPoolSpec;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link ServiceIPPool} into an {@link AddressPool}. A bad cidr or range is left out and
 * named in {@link Mapped#problems()}; the rest of the pool stays usable, and Services holding
 * addresses of the bad entry keep them (the allocator never moves a held address). A selector
 * that cannot be understood selects nothing: handing a pool to Services it was meant to exclude
 * cannot be undone, waiting for a fix can.
 */
public final class PoolMapper {
    /** A requirement no label set meets ("in the empty set"). */
    static final LabelMatcher NOTHING = new LabelMatcher(Map.of(),
            List.of(new LabelMatcher.Requirement("podbgp.dev/invalid-selector", LabelMatcher.Operator.IN, Set.of())));

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
        if (s == null) {
            return LabelMatcher.EVERYTHING;
        }
        List<LabelMatcher.Requirement> requirements = new ArrayList<>();
        for (LabelSelectorRequirement r : nonNull(s.getMatchExpressions())) {
            String op = r.getOperator() == null ? "" : r.getOperator();
            LabelMatcher.Operator operator = switch (op.toLowerCase(Locale.ROOT)) {
                case "in" -> LabelMatcher.Operator.IN;
                case "notin" -> LabelMatcher.Operator.NOT_IN;
                case "exists" -> LabelMatcher.Operator.EXISTS;
                case "doesnotexist" -> LabelMatcher.Operator.DOES_NOT_EXIST;
                default -> null;
            };
            if (operator == null || r.getKey() == null) {
                problems.add(field + ": '" + r.getKey() + " " + op + "' is not a label requirement"
                        + " (operators: In, NotIn, Exists, DoesNotExist); the pool selects nothing until it is fixed");
                return NOTHING;
            }
            requirements.add(new LabelMatcher.Requirement(r.getKey(), operator, Set.copyOf(nonNull(r.getValues()))));
        }
        return new LabelMatcher(s.getMatchLabels() == null ? Map.of() : s.getMatchLabels(), requirements);
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
