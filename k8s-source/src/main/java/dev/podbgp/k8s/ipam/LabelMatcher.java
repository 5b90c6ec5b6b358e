package dev.podbgp.k8s.ipam;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector (matchLabels and matchExpressions), evaluated as the API server
 * does: every label and every expression must hold; an empty selector matches everything.
 */
public record LabelMatcher(Map<String, String> labels, List<Requirement> requirements) {
    public static final LabelMatcher EVERYTHING = new LabelMatcher(Map.of(), List.of());

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

    public boolean matches(Map<String, String> objectLabels) {
        for (var e : labels.entrySet()) {
            if (!e.getValue().equals(objectLabels.get(e.getKey()))) {
                return false;
            }
        }
        return requirements.stream().allMatch(r -> r.matches(objectLabels));
    }
}
