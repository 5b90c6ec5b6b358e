package dev.podbgp.daemon.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number, kept exactly as a decimal: RFC 8259 §6 puts no bound on range or precision, so
 * {@code 18446744073709551615} and {@code 0.1} stay what the text said. Two numbers are equal when
 * their values are ({@code 1.0} equals {@code 1}); the writer prints the decimal as it is kept.
 */
public final class JsonNumber implements JsonValue {
    private final BigDecimal value;

    private JsonNumber(BigDecimal value) {
        this.value = value;
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    public static JsonNumber of(BigDecimal value) {
        return new JsonNumber(Objects.requireNonNull(value, "value"));
    }

    /** The shortest decimal that reads back as {@code value}; NaN and infinities have no JSON form. */
    public static JsonNumber of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no number for " + value);
        }
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    public BigDecimal decimal() {
        return value;
    }

    /** The value as a long, when it is an integer in the long range. */
    public boolean isLong() {
        if (value.signum() == 0) {
            return true;
        }
        // precision - scale is the count of integer digits: cheap even for 1e999999999
        if (value.precision() - value.scale() > 19) {
            return false;
        }
        try {
            value.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** The value as a long; a fraction or a value beyond the long range is a {@link JsonException}. */
    public long longValue() {
        if (!isLong()) {
            throw new JsonException("not an integer in the long range: " + value);
        }
        return value.longValueExact();
    }

    /** The value as an int; a fraction or a value beyond the int range is a {@link JsonException}. */
    public int intValue() {
        long v = longValue();
        if (v != (int) v) {
            throw new JsonException("not an integer in the int range: " + value);
        }
        return (int) v;
    }

    /** The nearest double (infinite beyond the double range). */
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonNumber n && value.compareTo(n.value) == 0;
    }

    @Override
    public int hashCode() {
        // equal values have equal doubles whatever their scale; stripTrailingZeros would throw for
        // 1.00E+2147483649, whose stripped scale is beyond the int range
        return Double.hashCode(value.doubleValue());
    }

    @Override
    public String toString() {
        return toJson();
    }
}
