package dev.podbgp.bgp.exabgp;

import java.math.BigDecimal;

/**
 * The per-line facts ExaBGP puts before the neighbor block.
 *
 * @param time    seconds since the epoch, as Python's {@code time.time()}
 * @param counter ExaBGP counts lines per neighbor starting at 1; the caller keeps the count
 */
public record Envelope(double time, String host, long pid, long ppid, long counter) {

    /** Python prints floats in plain notation with at least one decimal: {@code 1700000000.0}. */
    String timeToken() {
        String plain = BigDecimal.valueOf(time).toPlainString();
        return plain.indexOf('.') >= 0 ? plain : plain + ".0";
    }
}
