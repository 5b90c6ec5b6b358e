package dev.podbgp.daemon.cni;

/**
 * A CNI plugin failed. {@code code} and {@code msg} come from the plugin's error result (CNI spec
 * "Error": codes 1-99 are the spec's, e.g. 4 invalid network config, 11 try again later), or are
 * -1 and our own text when the plugin printed no error result.
 */
public final class CniException extends RuntimeException {
    private final String plugin;
    private final int code;

    public CniException(String plugin, int code, String message) {
        super(plugin + ": " + message + (code >= 0 ? " (CNI error " + code + ")" : ""));
        this.plugin = plugin;
        this.code = code;
    }

    public String plugin() {
        return plugin;
    }

    public int code() {
        return code;
    }
}
