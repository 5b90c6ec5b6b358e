package dev.podbgp.config;

/**
 * One problem found in a config file, placed where an editor can jump to it.
 *
 * @param file     the file name as given (not resolved), so messages match what the operator typed
 * @param line     1-based line, 0 when the problem has no place in the file (the file is unreadable)
 * @param column   1-based column, 0 when unknown
 * @param path     the field, e.g. {@code peers[2].asn}; empty for the document itself
 * @param message  what is wrong, quoting the value
 * @param severity errors stop the daemon (exit code 2); warnings are logged and the config is used
 */
public record ConfigError(String file, int line, int column, String path, String message, Severity severity) {

    /** Whether the problem refuses the config. */
    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code podbgp.yaml:14:10: peers[2].asn: 0 is not a valid AS number}, the compiler-style line editors parse. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (severity == Severity.WARNING) {
            sb.append("warning: ");
        }
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
