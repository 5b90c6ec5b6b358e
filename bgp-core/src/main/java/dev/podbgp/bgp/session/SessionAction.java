package dev.podbgp.bgp.session;

/**
 * What the driver must do after an event, in list order: {@link SessionOrder}s the connection
 * carries out itself (connect, send, close, timers, the codec switch) and
 * {@link SessionReport}s it passes up to the RIB, logs and metrics.
 */
public sealed interface SessionAction permits SessionOrder, SessionReport {}
