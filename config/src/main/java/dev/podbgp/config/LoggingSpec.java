package dev.podbgp.config;

/** One line per event; key=value for people, JSON for log pipelines. */
public record LoggingSpec(Format format, Level level) {
    public enum Format { KEY_VALUE, JSON }

    public enum Level { TRACE, DEBUG, INFO, WARN, ERROR }

    public static final LoggingSpec DEFAULT = new LoggingSpec(Format.KEY_VALUE, Level.INFO);
}
