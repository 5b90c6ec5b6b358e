/**
 * ExaBGP-compatible formats: the JSON an ExaBGP 4.2 API process reads (format "4.0.1").
 * Owns the envelope (version, time, host, pid, counter, neighbor block) and the session
 * state events; each message and capability renders its own inner part next to its codec in
 * {@code wire}. Pure text rendering: no I/O, no clocks, no counters of its own — callers pass
 * time and counter so output is reproducible.
 *
 * <p>The test sources of this package run the real ExaBGP 4.2.21 as an oracle
 * ({@code ExabgpOracle}) and capture what it sends in network namespaces; they leave no
 * temp files, namespaces or processes behind.
 */
package dev.podbgp.bgp.exabgp;
