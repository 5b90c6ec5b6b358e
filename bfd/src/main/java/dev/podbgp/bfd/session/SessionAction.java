package dev.podbgp.bfd.session;

/**
 * What the driver must do after an event, in list order: {@link SessionOrder}s it carries out
 * (send, timers) and {@link SessionReport}s it passes up (state changes, discards).
 */
public sealed interface SessionAction permits SessionOrder, SessionReport {}
