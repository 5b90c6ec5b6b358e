/**
 * JMH micro-benchmarks of podbgp's hot paths (DESIGN.md "Memory and speed"). Figures live
 * here, never in unit tests. Benchmarks use the modules' public API only and change nothing
 * in them.
 */
package dev.podbgp.bench;
