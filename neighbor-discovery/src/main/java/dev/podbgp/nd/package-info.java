/**
 * IPv6 Neighbor Discovery on one link, as far as unnumbered BGP needs it: podbgp advertises itself
 * with router advertisements of lifetime 0 (RFC 4861 §6.2.3, "not a default router") so the peer
 * learns our link-local address, and learns the peer's from the advertisements it hears.
 *
 * <p>Knows nothing of BGP and of namespaces: the caller gives the thread factory (a namespace-bound
 * one in the lab) and is told which neighbour was heard on which interface. Depends on {@code inet} only.
 */
package dev.podbgp.nd;
