/**
 * podbgp's log output: a {@link java.lang.System.LoggerFinder} (registered in META-INF/services)
 * that writes one line per event to stderr, key=value by default or JSON lines on request, with a
 * level threshold. Code everywhere logs through {@code System.getLogger} with messages made of
 * key=value fragments ({@code "event=state from=Idle to=Connect"}); this package owns how those
 * become lines and must not be called by protocol code directly.
 */
package dev.podbgp.daemon.log;
