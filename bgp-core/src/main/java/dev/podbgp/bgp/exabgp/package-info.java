/**
 * ExaBGP-compatible formats, both directions of its API process:
 *
 * <ul>
 *   <li>the JSON an ExaBGP 4.2 API process reads (format "4.0.1"): the envelope (version,
 *       time, host, pid, counter, neighbor block) and the session state events; each message
 *       and capability renders its own inner part next to its codec in {@code wire}. Pure text
 *       rendering: no I/O, no clocks, no counters of its own — callers pass time and counter so
 *       output is reproducible;
 *   <li>the text commands it writes ({@code announce route ...}, {@code withdraw route ...},
 *       {@code announce attributes ... nlri ...}, {@code announce eor}), parsed by
 *       {@link dev.podbgp.bgp.exabgp.CommandParser} into {@link dev.podbgp.bgp.exabgp.Command}
 *       values, the attribute defaults ExaBGP adds when it sends
 *       ({@link dev.podbgp.bgp.exabgp.ExabgpSendDefaults}) and the UPDATEs a command becomes on
 *       one session ({@link dev.podbgp.bgp.exabgp.CommandEncoder}). Which peers a command
 *       reaches and when its UPDATEs leave belong to the session and the API server.
 * </ul>
 *
 * <p>Where podbgp deliberately differs from ExaBGP, {@code docs/exabgp-compat.md} says why.
 * The test sources of this package run the real ExaBGP 4.2.21 as an oracle
 * ({@code ExabgpOracle}) and capture what it sends in network namespaces; they leave no
 * temp files, namespaces or processes behind.
 */
package dev.podbgp.bgp.exabgp;
