/**
 * The node's interfaces and their addresses as the kernel has them (RTM_GETADDR), read in a chosen namespace.
 * Used to find the interface a BGP session runs over, which a link-local next hop needs. Reads only; never
 * changes a link or an address.
 */
package dev.podbgp.fib.link;
