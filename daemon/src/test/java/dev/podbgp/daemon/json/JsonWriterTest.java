package dev.podbgp.daemon.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The two layouts, pinned, and the escapes RFC 8259 §7 requires (and the ones it does not). */
class JsonWriterTest {
    private static final JsonObject SAMPLE = JsonObject.builder()
            .put("name", "a")
            .put("list", JsonArray.of(JsonNumber.of(1), JsonArray.EMPTY, JsonObject.builder().put("x", true).build()))
            .put("empty", JsonObject.EMPTY)
            .put("none", JsonNull.NULL)
            .build();

    @Test
    void compact_noWhitespace_membersInTheirOrder() {
        assertThat(JsonWriter.compact(SAMPLE)).isEqualTo("{\"name\":\"a\",\"list\":[1,[],{\"x\":true}],\"empty\":{},\"none\":null}");
        assertThat(SAMPLE.toJson()).isEqualTo(JsonWriter.compact(SAMPLE));
    }

    @Test
    void pretty_twoSpaces_onePerLine_emptyContainersInline() {
        assertThat(JsonWriter.pretty(SAMPLE)).isEqualTo("""
                {
                  "name": "a",
                  "list": [
                    1,
                    [],
                    {
                      "x": true
                    }
                  ],
                  "empty": {},
                  "none": null
                }""");
        assertThat(JsonWriter.pretty(JsonArray.EMPTY)).isEqualTo("[]");
        assertThat(JsonWriter.pretty(new JsonString("s"))).isEqualTo("\"s\"");
    }

    @Test
    void rfc8259_s7_quoteBackslashAndControlCharacters_areEscaped() {
        assertThat(JsonWriter.quote("\" \\ \n \r \t \b \f")).isEqualTo("\"\\\" \\\\ \\n \\r \\t \\b \\f\"");
        assertThat(JsonWriter.quote("\0\u0001\u001f")).isEqualTo("\"\\u0000\\u0001\\u001f\"");
    }

    @Test
    void rfc8259_s7_slashDelAndNonAscii_areWrittenAsTheyAre() {
        assertThat(JsonWriter.quote("a/b \u007f é € \u2028 😀")).isEqualTo("\"a/b \u007f é € \u2028 😀\"");
    }

    @Test
    void rfc8259_s8_2_unpairedSurrogates_areEscaped_soTheOutputIsValidUtf8() {
        assertThat(JsonWriter.quote("a\uD800b")).isEqualTo("\"a\\ud800b\"");
        assertThat(JsonWriter.quote("\uDC00\uD83D")).isEqualTo("\"\\udc00\\ud83d\"");
        assertThat(JsonWriter.quote("\uDE00\uD83D\uDE00")).isEqualTo("\"\\ude00😀\"");
    }

    @Test
    void numbers_asTheDecimalIsKept() {
        assertThat(JsonNumber.of(-42).toJson()).isEqualTo("-42");
        assertThat(JsonNumber.of(new BigDecimal("18446744073709551615")).toJson()).isEqualTo("18446744073709551615");
        assertThat(JsonNumber.of(new BigDecimal("1.50")).toJson()).isEqualTo("1.50");
        assertThat(JsonNumber.of(0.1).toJson()).isEqualTo("0.1");
        assertThat(JsonNumber.of(1e300).toJson()).isEqualTo("1.0E+300");
        assertThat(JsonParser.parse(JsonNumber.of(1e300).toJson())).isEqualTo(JsonNumber.of(1e300));
    }

    @Test
    void objectEquality_ignoresMemberOrder_numberEquality_ignoresScale() {
        JsonObject ab = JsonObject.builder().put("a", 1).put("b", 2).build();
        JsonObject ba = JsonObject.builder().put("b", 2).put("a", JsonNumber.of(new BigDecimal("1.0"))).build();
        assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
        assertThat(ab.toJson()).isNotEqualTo(ba.toJson());
    }

    @Test
    void with_replacesInPlace_orAppends() {
        JsonObject o = JsonObject.builder().put("a", 1).put("b", 2).build();
        assertThat(o.with("a", JsonValue.of("x")).toJson()).isEqualTo("{\"a\":\"x\",\"b\":2}");
        assertThat(o.with("c", JsonValue.of(true)).toJson()).isEqualTo("{\"a\":1,\"b\":2,\"c\":true}");
        assertThat(o.toJson()).isEqualTo("{\"a\":1,\"b\":2}");
    }
}
