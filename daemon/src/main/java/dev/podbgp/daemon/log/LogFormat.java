package dev.podbgp.daemon.log;

/** How each event line is written. */
public enum LogFormat {
    /** {@code ts=... level=INFO logger=podbgp.peer event=state from=Idle to=Connect} (logfmt). */
    KEY_VALUE,
    /** One JSON object per line, each key=value pair a string field. */
    JSON;

    /** The config/system-property spelling: {@code keyvalue} or {@code json}. */
    public static LogFormat parse(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "keyvalue", "key-value", "kv", "logfmt" -> KEY_VALUE;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("log format must be keyvalue or json, not " + text);
        };
    }
}
