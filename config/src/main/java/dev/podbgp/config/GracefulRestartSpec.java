package dev.podbgp.config;

/**
 * Graceful restart (RFC 4724) and long-lived graceful restart (RFC 9494).
 *
 * @param restartTime  seconds peers keep our routes while we restart; 12 bits (RFC 4724 §3)
 * @param llgrStaleTime seconds stale routes are kept after that; 24 bits (RFC 9494 §2), 0 = LLGR off
 */
public record GracefulRestartSpec(boolean enabled, int restartTime, int llgrStaleTime) {
    public static final GracefulRestartSpec DEFAULT = new GracefulRestartSpec(false, 120, 0);
}
