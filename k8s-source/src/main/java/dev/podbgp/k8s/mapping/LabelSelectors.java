package dev.podbgp.k8s.mapping;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A metav1 LabelSelector evaluated as the API server does: every matchLabels pair and every expression must hold. */
final class LabelSelectors {
    private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");

    private LabelSelectors() {
    }

    /** Why the selector cannot be evaluated; such a selector matches nothing. */
    static Optional<String> problem(LabelSelector s) {
        if (s.getMatchExpressions() == null) {
            return Optional.empty();
        }
        for (LabelSelectorRequirement r : s.getMatchExpressions()) {
            if (r.getKey() == null || !OPERATORS.contains(r.getOperator())) {
                return Optional.of("matchExpressions needs a key and an operator of In, NotIn, Exists, DoesNotExist");
            }
            boolean needsValues = r.getOperator().equals("In") || r.getOperator().equals("NotIn");
            boolean hasValues = r.getValues() != null && !r.getValues().isEmpty();
            if (needsValues != hasValues) {
                return Optional.of("operator " + r.getOperator() + (needsValues ? " needs values" : " takes no values"));
            }
        }
        return Optional.empty();
    }

    static boolean matches(LabelSelector s, Map<String, String> labels) {
        if (problem(s).isPresent()) {
            return false;
        }
        if (s.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : s.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        for (LabelSelectorRequirement r : s.getMatchExpressions() == null ? List.<LabelSelectorRequirement>of()
                : s.getMatchExpressions()) {
            String value = labels.get(r.getKey());
            boolean holds = switch (r.getOperator()) {
                case "In" -> value != null && r.getValues().contains(value);
                case "NotIn" -> value == null || !r.getValues().contains(value);
                case "Exists" -> value != null;
                default -> value == null; // DoesNotExist
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
