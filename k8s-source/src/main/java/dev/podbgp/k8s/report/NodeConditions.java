package dev.podbgp.k8s.report;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The Node condition a network plugin owns. Cloud node controllers set NetworkUnavailable=True on
 * new nodes and expect the plugin that programs routes to set it False; the scheduler keeps pods
 * off nodes where it is True.
 */
public final class NodeConditions {
    public static final String NETWORK_UNAVAILABLE = "NetworkUnavailable";
    public static final String REASON = "PodbgpRoutesProgrammed";

    private NodeConditions() {
    }

    /** True when the Node already says what {@link #withRoutesProgrammed} would write. */
    public static boolean routesProgrammed(Node node) {
        return conditions(node).stream().anyMatch(c -> NETWORK_UNAVAILABLE.equals(c.getType())
                && "False".equals(c.getStatus()) && REASON.equals(c.getReason()));
    }

    /** The node with NetworkUnavailable=False; other conditions untouched. */
    public static Node withRoutesProgrammed(Node node, Instant now) {
        String t = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
        List<NodeCondition> out = new ArrayList<>();
        String transition = t;
        for (NodeCondition c : conditions(node)) {
            if (NETWORK_UNAVAILABLE.equals(c.getType())) {
                // lastTransitionTime moves only when the status does.
                if ("False".equals(c.getStatus()) && c.getLastTransitionTime() != null) {
                    transition = c.getLastTransitionTime();
                }
            } else {
                out.add(c);
            }
        }
        out.add(new NodeConditionBuilder().withType(NETWORK_UNAVAILABLE).withStatus("False").withReason(REASON)
                .withMessage("podbgp programmed this node's routes").withLastHeartbeatTime(t)
                .withLastTransitionTime(transition).build());
        node.getStatus().setConditions(out);
        return node;
    }

    private static List<NodeCondition> conditions(Node node) {
        return node.getStatus() == null || node.getStatus().getConditions() == null ? List.of()
                : node.getStatus().getConditions();
    }
}
