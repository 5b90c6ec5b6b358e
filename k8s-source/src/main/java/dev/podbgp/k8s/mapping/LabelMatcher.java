package dev.podbgp.k8s.mapping;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kubernetes label selector (matchLabels and matchExpressions), evaluated as the API server
 * does: every label and every expression must hold; an empty selector matches everything.
 * Read from a metav1 LabelSelector by {@link #read}; the ServiceIPPool selectors and the
 * Service announcement's selector both use it.
 */
public record LabelMatcher(Map<String, String> labels, List<Requirement> requirements) {
    public static final LabelMatcher EVERYTHING = new LabelMatcher(Map.of(), List.of());
    /** What a selector that cannot be read stands for: selecting by mistake could not be undone. */
    public static final LabelMatcher NOTHING = new LabelMatcher(Map.of(),
            List.of(new Requirement("podbgp.dev/invalid-selector", Operator.IN, Set.of())));

    public LabelMatcher {
        labels = Map.copyOf(labels);
        requirements = List.copyOf(requirements);
    }

    public enum Operator { IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    public record Requirement(String key, Operator operator, Set<String> values) {
        public Requirement {
            values = Set.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (operator) {
                case IN -> v != null && values.contains(v);
                case NOT_IN -> v == null || !values.contains(v);
                case EXISTS -> v != null;
                case DOES_NOT_EXIST -> v == null;
            };
        }
    }

    /** A selector as read: the matcher, or {@link #NOTHING} and why it could not be read. */
    public record Read(LabelMatcher matcher, Optional<String> problem) {
    }

    /**
     * {@code s} as the API server validates it: operators In, NotIn, Exists, DoesNotExist (in
     * that spelling), a key on every expression, values for In and NotIn and none for the others.
     * A null selector matches everything.
     */
    public static Read read(LabelSelector s) {
        if (s == null) {
            return new Read(EVERYTHING, Optional.empty());
        }
        List<Requirement> requirements = new ArrayList<>();
        for (LabelSelectorRequirement r : s.getMatchExpressions() == null ? List.<LabelSelectorRequirement>of()
                : s.getMatchExpressions()) {
            Operator operator = r.getOperator() == null ? null : switch (r.getOperator()) {
                case "In" -> Operator.IN;
                case "NotIn" -> Operator.NOT_IN;
                case "Exists" -> Operator.EXISTS;
                case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
                default -> null;
            };
            if (operator == null || r.getKey() == null) {
                return unreadable("'" + r.getKey() + " " + r.getOperator() + "' is not a label requirement"
                        + " (it needs a key and an operator of In, NotIn, Exists, DoesNotExist)");
            }
            boolean needsValues = operator == Operator.IN || operator == Operator.NOT_IN;
            boolean hasValues = r.getValues() != null && !r.getValues().isEmpty();
            if (needsValues != hasValues) {
                return unreadable("operator " + r.getOperator() + (needsValues ? " needs values" : " takes no values"));
            }
            requirements.add(new Requirement(r.getKey(), operator, Set.copyOf(hasValues ? r.getValues() : List.of())));
        }
        return new Read(new LabelMatcher(s.getMatchLabels() == null ? Map.of() : s.getMatchLabels(), requirements),
                Optional.empty());
    }

    private static Read unreadable(String why) {
        return new Read(NOTHING, Optional.of(why));
    }

    public boolean matches(Map<String, String> objectLabels) {
        for (var e : labels.entrySet()) {
            if (!e.getValue().equals(objectLabels.get(e.getKey()))) {
                return false;
            }
        }
        return requirements.stream().allMatch(r -> r.matches(objectLabels));
    }
}
