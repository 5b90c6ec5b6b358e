/**
 * Bridge-CNI pairing: the node-side half of pod networking. Writes the conflist that makes the
 * standard {@code bridge} + {@code host-local} + {@code portmap} plugins connect pods on this node
 * ({@link dev.podbgp.daemon.cni.CniConflist}, {@link dev.podbgp.daemon.cni.CniConfigWriter}),
 * turns on forwarding and keeps one nftables table of our own for forward-accept and masquerade
 * ({@link dev.podbgp.daemon.cni.HostNetworking}), and runs a conflist chain by hand the way a
 * container runtime would ({@link dev.podbgp.daemon.cni.CniRunner}, for the demo and tests).
 * {@link dev.podbgp.daemon.cni.CniPairing} is the entry point: apply and cleanup.
 *
 * <p>Owns only its conflist file and the {@code inet podbgp} nftables table; it must never edit
 * other files in the CNI conf dir, other nftables tables or iptables chains, and it knows nothing
 * of BGP or routes (cross-node reachability is the speaker's job). Everything that touches the
 * kernel goes through a {@link dev.podbgp.daemon.cni.TargetNamespace}, so the same code acts on
 * the host or on a lab namespace.
 */
package dev.podbgp.daemon.cni;
