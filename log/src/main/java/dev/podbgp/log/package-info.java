/**
 * Log lines built from fields: {@code LOG.info("state").with("from", from).with("to", to).log()}
 * instead of strings concatenated by hand. An {@link dev.podbgp.log.EventLog} wraps one
 * {@link java.lang.System.Logger}; each {@link dev.podbgp.log.LogEvent} is one line, an event name
 * then its fields in order. Values are quoted and escaped in one place, {@link dev.podbgp.log.Logfmt}.
 *
 * <p>Depends only on {@code inet} (addresses are written in RFC 5952 form, {@link dev.podbgp.log.LogValue}),
 * so every module that logs can use it. How a line finally looks (time,
 * level, JSON or key=value) is the daemon's log renderer's business, not this package's: here an
 * event stays fields until the logger that writes it.
 */
package dev.podbgp.log;
