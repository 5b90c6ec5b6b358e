/**
 * How the RIB thread is fed: the {@link dev.podbgp.rib.event.RibEvent} family, the
 * {@link dev.podbgp.rib.event.RibEventLoop} that applies them in order on a thread the caller owns, and the
 * translation of a received UPDATE into announcements and withdrawals ({@link dev.podbgp.rib.event.UpdateApplier}).
 *
 * <p>Owns no thread, socket or timer: the daemon creates the one RIB thread and calls
 * {@link dev.podbgp.rib.event.RibEventLoop#run()}, and fires timer expiries as events. Reads the bgp-core
 * {@code wire} model only; must not touch Adj-RIB-Out ({@code dev.podbgp.rib.out}) or policy internals.
 */
package dev.podbgp.rib.event;
