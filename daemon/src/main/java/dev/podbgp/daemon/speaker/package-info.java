/**
 * The daemon's wiring: sessions, the RIB thread, Adj-RIB-Out and the FIB writer put together
 * from a {@link dev.podbgp.config.state.DesiredState}, and the mapping from the config's records
 * to the RIB's and the transport's. Knows every module below {@code daemon}; nothing below
 * knows it.
 */
package dev.podbgp.daemon.speaker;
