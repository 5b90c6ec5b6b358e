/**
 * The network-namespace lab: nodes (network namespaces named {@code pbt-<run>-<label>}), veth
 * links and bridged LANs between them, processes started inside them, and the cleanup that
 * removes all of it. Owns nothing outside the namespaces it created: it never changes the host
 * namespace's links, addresses or routes, and nothing it starts listens or connects there.
 * Knows no BGP; the peer fixtures in the sub-packages build on it.
 */
package dev.podbgp.lab;
