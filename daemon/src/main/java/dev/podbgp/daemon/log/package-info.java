/**
 * podbgp's log output: a {@link java.lang.System.LoggerFinder} (registered in META-INF/services)
 * that writes one line per event to stderr, key=value by default or JSON lines on request, with a
 * level threshold. Code everywhere logs events built from fields with {@link dev.podbgp.log.EventLog}
 * ({@code LOG.info("state").with("from", from).with("to", to).log()}); they reach this package
 * whole, as {@link dev.podbgp.log.LogEvent}s, and are never parsed back from text. Messages that
 * arrive as plain strings (libraries, the JDK) become one {@code msg} field. This package owns how
 * events become lines and must not be called by protocol code directly.
 */
package dev.podbgp.daemon.log;
