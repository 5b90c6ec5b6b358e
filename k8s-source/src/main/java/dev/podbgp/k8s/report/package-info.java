/**
 * What podbgp writes back to the cluster: Events (problems, session up/down), the per-node
 * {@link dev.podbgp.k8s.crd.BGPNodeStatus} (rate-limited, only on change) and the Node's
 * NetworkUnavailable condition. Never reads cluster objects to decide routing; never blocks the caller
 * on the API server.
 */
package dev.podbgp.k8s.report;
