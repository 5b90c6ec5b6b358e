package dev.podbgp.daemon.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8259 as the parser reads it: what it accepts, what it refuses, and where it says the error is. */
class JsonParserTest {

    @Test
    void rfc8259_s2_anyValueAtTheTop_whitespaceAround() {
        assertThat(JsonParser.parse(" \t\r\n true \n")).isEqualTo(JsonBoolean.TRUE);
        assertThat(JsonParser.parse("null")).isEqualTo(JsonNull.NULL);
        assertThat(JsonParser.parse("\"x\"")).isEqualTo(new JsonString("x"));
        assertThat(JsonParser.parse("-12")).isEqualTo(JsonNumber.of(-12));
    }

    @Test
    void rfc8259_s4_objectMembersInTheirOrder() {
        JsonObject o = JsonParser.parseObject("{\"b\": 1, \"a\": [true, false, null], \"c\": {}}");
        assertThat(o.members().keySet()).containsExactly("b", "a", "c");
        assertThat(o.requireLong("b")).isEqualTo(1);
        assertThat(o.array("a").values()).containsExactly(JsonBoolean.TRUE, JsonBoolean.FALSE, JsonNull.NULL);
        assertThat(o.object("c")).contains(JsonObject.EMPTY);
    }

    @Test
    void rfc8259_s4_aNameGivenTwice_keepsTheLastValueInTheFirstPlace() {
        JsonObject o = JsonParser.parseObject("{\"a\":1,\"b\":2,\"a\":3}");
        assertThat(o.members().keySet()).containsExactly("a", "b");
        assertThat(o.requireLong("a")).isEqualTo(3);
    }

    @Test
    void rfc8259_s5_arrays_emptyAndNested() {
        assertThat(JsonParser.parse("[]")).isEqualTo(JsonArray.EMPTY);
        assertThat(JsonParser.parse("[ [ ] , [1] ]")).isEqualTo(JsonArray.of(JsonArray.EMPTY, JsonArray.of(JsonNumber.of(1))));
    }

    @Test
    void rfc8259_s6_numbers_keptExactly() {
        assertThat(num("0").longValue()).isZero();
        assertThat(num("-0").longValue()).isZero();
        assertThat(num("9223372036854775807").longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(num("-9223372036854775808").longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(num("18446744073709551615").decimal()).isEqualTo(new BigDecimal("18446744073709551615"));
        assertThat(num("18446744073709551615").isLong()).isFalse();
        assertThat(num("0.1").decimal()).isEqualTo(new BigDecimal("0.1"));
        assertThat(num("1.5e3").longValue()).isEqualTo(1500);
        assertThat(num("1E-2").doubleValue()).isEqualTo(0.01);
        assertThat(num("2.5").isLong()).isFalse();
        assertThat(num("1e400").doubleValue()).isInfinite();
        assertThat(num("1e999999999").isLong()).isFalse();
        assertThat(num("1.0")).isEqualTo(num("1")).hasSameHashCodeAs(num("1"));
        assertThatThrownBy(() -> num("2.5").longValue()).isInstanceOf(JsonException.class).hasMessageContaining("2.5");
        assertThatThrownBy(() -> num("4294967296").intValue()).isInstanceOf(JsonException.class);
    }

    @Test
    void rfc8259_s7_everyEscape() {
        assertThat(str("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"")).isEqualTo("\" \\ / \b \f \n \r \t");
        assertThat(str("\"\\u0041\\u00e9\\u20AC\\u0000\"")).isEqualTo("Aé€\0");
        assertThat(str("\"raw é € and 😀\"")).isEqualTo("raw é € and 😀");
    }

    @Test
    void rfc8259_s7_surrogatePairEscape_isOneCodePoint() {
        String s = str("\"\\uD83D\\uDE00\"");
        assertThat(s).isEqualTo("😀");
        assertThat(s.codePointCount(0, s.length())).isEqualTo(1);
    }

    @Test
    void rfc8259_s8_2_unpairedSurrogateEscape_isKept() {
        assertThat(str("\"a\\uD800b\"")).isEqualTo("a\uD800b");
        assertThat(str("\"\\uDC00\"")).isEqualTo("\uDC00");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                   | 0 | expected a value, found the end of the input",
        "`   `                | 3 | expected a value, found the end of the input",
        "{                    | 1 | expected a member name",
        "{\"a\" 1}            | 5 | expected ':' after a member name",
        "{\"a\":1,}           | 7 | expected a member name",
        "{\"a\":1 \"b\":2}    | 7 | expected ',' or '}' in an object",
        "{a:1}                | 1 | expected a member name",
        "[1,]                 | 3 | expected a value, found ']'",
        "[1 2]                | 3 | expected ',' or ']' in an array",
        "[1                   | 2 | expected ',' or ']' in an array, found the end of the input",
        "01                   | 1 | leading zero",
        "-                    | 1 | expected a digit in a number",
        "+1                   | 0 | expected a value, found '+'",
        ".5                   | 0 | expected a value, found '.'",
        "1.                   | 2 | expected a digit after the decimal point",
        "1e                   | 2 | expected a digit in the exponent",
        "1e+                  | 3 | expected a digit in the exponent",
        "NaN                  | 0 | expected a value, found 'N'",
        "tru                  | 0 | expected a value, found 't'",
        "nul                  | 0 | expected a value, found 'n'",
        "'a'                  | 0 | expected a value, found '''",
        "\"abc                | 4 | unterminated string (opened at offset 0)",
        "\"a\\x\"             | 2 | unknown escape \\x",
        "\"\\u12\"            | 1 | \\u escape needs four hex digits",
        "\"\\u12G4\"          | 1 | \\u escape needs four hex digits",
        "1 2                  | 2 | unexpected '2' after the value",
        "{} x                 | 3 | unexpected 'x' after the value",
        "[1] // comment       | 4 | unexpected '/' after the value",
        "1e9999999999         | 0 | number out of range",
    })
    void malformed_isAnErrorWithItsOffset(String text, int offset, String message) {
        assertThatThrownBy(() -> JsonParser.parse(text))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.offset()).isEqualTo(offset))
                .hasMessageContaining(message)
                .hasMessageEndingWith("at offset " + offset);
    }

    @Test
    void rawControlCharacterInAString_isRefused() {
        assertThatThrownBy(() -> JsonParser.parse("\"a\nb\""))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.offset()).isEqualTo(2))
                .hasMessageContaining("control character U+000A");
        assertThatThrownBy(() -> JsonParser.parse("\"\t\"")).hasMessageContaining("U+0009");
    }

    @Test
    void whitespaceBeyondRfc8259_isRefused() {
        // U+00A0 and a form feed are whitespace to some readers, not to JSON
        assertThatThrownBy(() -> JsonParser.parse("\u00a01")).hasMessageContaining("at offset 0");
        assertThatThrownBy(() -> JsonParser.parse("[1,\f2]")).hasMessageContaining("U+000C");
    }

    @Test
    void nestingBeyondTheLimit_isAnError_notAStackOverflow() {
        String deep = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        assertThat(JsonParser.parse(deep)).isInstanceOf(JsonArray.class);
        String tooDeep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JsonParser.parse(tooDeep))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.offset()).isEqualTo(JsonParser.MAX_DEPTH))
                .hasMessageContaining("nested deeper than " + JsonParser.MAX_DEPTH);
        String hostile = "{\"a\":".repeat(100_000);
        assertThatThrownBy(() -> JsonParser.parse(hostile)).hasMessageContaining("nested deeper");
    }

    @Test
    void rfc8259_s9_aNumberLongerThanTheLimit_isRefusedAtItsStart() {
        // BigDecimal reads a literal in time quadratic in its length: a 1 MB control line of digits took seconds
        String longest = "1".repeat(JsonParser.MAX_NUMBER_LENGTH);
        assertThat(num(longest).decimal()).isEqualTo(new BigDecimal(longest));
        assertThat(num("-0." + "0".repeat(JsonParser.MAX_NUMBER_LENGTH - 4) + "1").decimal().signum()).isEqualTo(-1);
        String tooLong = "[1," + "2".repeat(JsonParser.MAX_NUMBER_LENGTH + 1) + "]";
        assertThatThrownBy(() -> JsonParser.parse(tooLong))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.offset()).isEqualTo(3))
                .hasMessageContaining("number longer than " + JsonParser.MAX_NUMBER_LENGTH + " characters");
        String megabyte = "{\"command\":\"show-fib\",\"x\":" + "9".repeat(1 << 20) + "}";
        assertThatThrownBy(() -> JsonParser.parse(megabyte)).hasMessageContaining("number longer than");
    }

    @Test
    void manyEscapedStrings_costMemoryInProportionToTheText() {
        // each string with an escape once got a buffer the size of the rest of the text: 1 MB of them took seconds
        String text = "[" + "\"\\n\",".repeat(200_000) + "\"\"]";
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        JsonArray parsed = (JsonArray) JsonParser.parse(text);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(parsed.size()).isEqualTo(200_001);
        assertThat(parsed.get(0)).contains(new JsonString("\n"));
        assertThat(allocated).as("bytes allocated to parse %d chars", text.length()).isLessThan(100L * text.length());
    }

    @Test
    void numberHashCode_isDefinedForEveryNumberTheParserReads() {
        // stripTrailingZeros overflows the scale of 1.00E+2147483649
        JsonNumber huge = num("100e2147483647");
        assertThat(huge).isEqualTo(num("1.00e2147483649")).hasSameHashCodeAs(num("1.00e2147483649"));
        assertThat(JsonParser.parse(huge.toJson())).isEqualTo(huge);
        assertThat(num("0.5")).hasSameHashCodeAs(num("5e-1"));
        assertThat(num("-0.0")).hasSameHashCodeAs(num("0"));
    }

    @Test
    void parseObject_refusesAnotherTopLevelValue() {
        assertThatThrownBy(() -> JsonParser.parseObject("[]")).hasMessageContaining("expected a JSON object, not an array");
    }

    @Test
    void requireAccessors_nameTheMemberAndWhatWasThere() {
        JsonObject o = JsonParser.parseObject("{\"n\":\"x\",\"l\":[1]}");
        assertThatThrownBy(() -> o.requireLong("n")).hasMessage("member \"n\" is not an integer: \"x\"");
        assertThatThrownBy(() -> o.requireString("gone")).hasMessage("no member \"gone\" (a string)");
        assertThatThrownBy(() -> o.requireStrings("l")).hasMessageContaining("not a string: 1");
        assertThat(o.string("l")).isEmpty();
        assertThat(o.array("n").values()).isEmpty();
    }

    private static JsonNumber num(String text) {
        return (JsonNumber) JsonParser.parse(text);
    }

    private static String str(String text) {
        return ((JsonString) JsonParser.parse(text)).value();
    }
}
