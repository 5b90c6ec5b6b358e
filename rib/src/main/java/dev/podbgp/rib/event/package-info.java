/**
 * How the RIB thread is fed: the {@link dev.podbgp.rib.event.RibEvent} family, one named type per change, the
 * {@link dev.podbgp.rib.event.RibEventLoop} that applies them in order to the {@link dev.podbgp.rib.Rib} and the
 * {@link dev.podbgp.rib.out.AdjRibOut} on a thread the caller owns, and the translation of a received UPDATE into
 * announcements and withdrawals ({@link dev.podbgp.rib.event.UpdateApplier}).
 *
 * <p>Owns no thread, socket or timer: the daemon creates the one RIB thread and calls
 * {@link dev.podbgp.rib.event.RibEventLoop#run()}, and fires timer expiries as events. Reads the bgp-core
 * {@code wire} model only; uses Adj-RIB-Out through its public operations (join, leave, export change,
 * refresh), never its groups' internals.
 */
package dev.podbgp.rib.event;
