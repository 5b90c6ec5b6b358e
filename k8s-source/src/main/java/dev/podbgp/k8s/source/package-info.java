/**
 * The Kubernetes {@code DesiredStateSource}: informers on Nodes, BGPConfiguration and BGPPeers,
 * debounced recomputation through {@link dev.podbgp.k8s.mapping.StateBuilder}, and delivery of
 * each distinct state to one listener. Owns one thread; keeps the last state when the API server
 * is away. Writes nothing but Events about objects it had to ignore.
 */
package dev.podbgp.k8s.source;
