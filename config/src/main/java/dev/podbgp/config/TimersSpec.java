package dev.podbgp.config;

/**
 * BGP timers of one peer, in seconds.
 *
 * @param holdTime     proposed in OPEN; 0 (no keepalives at all) or 3..65535 (RFC 4271 §4.2)
 * @param keepalive    0 when the hold time is 0, otherwise 1..holdTime/3 (RFC 4271 §10 suggests a third)
 * @param connectRetry seconds between connection attempts (RFC 4271 §10: 120)
 */
public record TimersSpec(int holdTime, int keepalive, int connectRetry) {
    /** RFC 4271 §10 suggested values. */
    public static final TimersSpec DEFAULT = new TimersSpec(90, 30, 120);

    public TimersSpec {
        if (holdTime != 0 && (holdTime < 3 || holdTime > 65535)) {
            throw new IllegalArgumentException("hold time " + holdTime + " is neither 0 nor in 3..65535");
        }
        if (holdTime == 0 ? keepalive != 0 : keepalive < 1 || keepalive * 3 > holdTime) {
            throw new IllegalArgumentException("keepalive " + keepalive + " does not fit hold time " + holdTime);
        }
        if (connectRetry < 1) {
            throw new IllegalArgumentException("connect retry " + connectRetry + " is not positive");
        }
    }
}
