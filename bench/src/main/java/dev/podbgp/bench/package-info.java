/**
 * JMH micro-benchmarks of podbgp's hot paths (DESIGN.md "Memory and speed"), and standalone
 * mains run as root (session scale, FIB install, full-table convergence against BIRD, FRR and
 * GoBGP in network namespaces they create and delete). Figures live here, never in unit tests. Benchmarks use the modules' public API only and change nothing
 * in them.
 */
package dev.podbgp.bench;
