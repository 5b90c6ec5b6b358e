package dev.podbgp.k8s.source;

import dev.podbgp.k8s.mapping.BaseSettings;
import java.time.Duration;

/**
 * @param nodeName       this node's Node name (NODE_NAME from the downward API)
 * @param namespace      podbgp's namespace: BGPPeer password Secrets are read here only
 * @param eventNamespace where Events about cluster-scoped objects are written
 * @param debounce       a burst of changes (a node joining sets labels, addresses, podCIDRs) yields one state
 * @param resync         informer resync; also re-reads Secrets, which are not watched
 * @param endpointDebounce the same for Services and EndpointSlices, shorter: a pod that stops being ready on this
 *                       node should stop attracting its Service's traffic at once (docs/services.md)
 */
public record SourceOptions(String nodeName, String namespace, String eventNamespace, BaseSettings base,
                            Duration debounce, Duration resync, Duration endpointDebounce) {
    public static final Duration ENDPOINT_DEBOUNCE = Duration.ofMillis(100);

    /** With the default {@link #ENDPOINT_DEBOUNCE}, or {@code debounce} when that is shorter. */
    public SourceOptions(String nodeName, String namespace, String eventNamespace, BaseSettings base, Duration debounce,
                         Duration resync) {
        this(nodeName, namespace, eventNamespace, base, debounce, resync,
                debounce.compareTo(ENDPOINT_DEBOUNCE) < 0 ? debounce : ENDPOINT_DEBOUNCE);
    }

    public static SourceOptions defaults(String nodeName, String namespace, BaseSettings base) {
        return new SourceOptions(nodeName, namespace, "default", base, Duration.ofMillis(500), Duration.ofMinutes(5));
    }
}
