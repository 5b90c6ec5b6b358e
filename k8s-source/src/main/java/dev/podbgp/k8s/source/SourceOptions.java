package dev.podbgp.k8s.source;

import dev.podbgp.k8s.mapping.BaseSettings;
import java.time.Duration;

/**
 * @param nodeName       this node's Node name (NODE_NAME from the downward API)
 * @param namespace      podbgp's namespace: BGPPeer password Secrets are read here only
 * @param eventNamespace where Events about cluster-scoped objects are written
 * @param debounce       a burst of changes (a node joining sets labels, addresses, podCIDRs) yields one state
 * @param resync         informer resync; also re-reads Secrets, which are not watched
 */
public record SourceOptions(String nodeName, String namespace, String eventNamespace, BaseSettings base,
                            Duration debounce, Duration resync) {
    public static SourceOptions defaults(String nodeName, String namespace, BaseSettings base) {
        return new SourceOptions(nodeName, namespace, "default", base, Duration.ofMillis(500), Duration.ofMinutes(5));
    }
}
