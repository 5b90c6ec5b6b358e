/**
 * {@code podbgp demo} and the topology the end-to-end tests share with it: an FRR top-of-rack
 * router and two nodes, each running podbgp as its own process, with pods attached by the real
 * bridge CNI plugin. Everything lives in lab namespaces ({@link dev.podbgp.lab}); this package
 * starts daemons and plugins there and reads their state, and never opens a socket in the host
 * namespace. It does not change daemon code; it drives the daemon through its CLI and processes.
 */
package dev.podbgp.demo;
