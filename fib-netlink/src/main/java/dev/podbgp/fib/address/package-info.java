/**
 * The node's own addresses as the kernel holds them ({@code RTM_GETADDR}), per interface: what the daemon
 * needs to find its address of the other family, and its link-local one, on the interface of a BGP session.
 * Reads only; podbgp never adds or removes addresses.
 */
package dev.podbgp.fib.address;
