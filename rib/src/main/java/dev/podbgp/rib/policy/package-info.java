/**
 * Route policy: ordered per-peer import and export rules ({@link dev.podbgp.rib.policy.Policy}),
 * the pod-CIDR safe defaults that run before them ({@link dev.podbgp.rib.policy.PodCidrGuard},
 * {@link dev.podbgp.rib.policy.ExportScope}) and the per-peer max-prefix limit
 * ({@link dev.podbgp.rib.policy.MaxPrefixCounter}).
 *
 * <p>Everything here is a pure function of a prefix, its wire-model
 * {@link dev.podbgp.bgp.wire.attr.PathAttributes} and a small
 * {@link dev.podbgp.rib.policy.PolicyContext}; it owns no routes, timers or sessions, and it
 * must not depend on the RIB's own route types: import is evaluated in one place,
 * {@code dev.podbgp.rib.ImportAdmission}, export in {@code dev.podbgp.rib.out.OutboundRules},
 * each turning a route into a prefix and an attribute set and the result back.
 */
package dev.podbgp.rib.policy;
