/**
 * ExaBGP-compatible formats: the JSON an ExaBGP 4.2 API process reads (format "4.0.1").
 * Owns the envelope (version, time, host, pid, counter, neighbor block) and the session
 * state events; each message and capability renders its own inner part next to its codec in
 * {@code wire}. Pure text rendering: no I/O, no clocks, no counters of its own — callers pass
 * time and counter so output is reproducible.
 */
package dev.podbgp.bgp.exabgp;
