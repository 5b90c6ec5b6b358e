/**
 * Pure translation of cluster objects (Nodes, BGPConfiguration, BGPPeers, Secret values, Services and their
 * EndpointSlices) plus the node's base settings into one {@link dev.podbgp.config.state.DesiredState}, with a
 * {@link dev.podbgp.k8s.mapping.Problem} for every object or field that had to be ignored.
 * No client, no threads, no I/O: what the informers hold goes in, values come out.
 */
package dev.podbgp.k8s.mapping;
