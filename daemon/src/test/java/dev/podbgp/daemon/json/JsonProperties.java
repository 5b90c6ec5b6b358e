package dev.podbgp.daemon.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Round trips through both layouts, and Jackson (on the test classpath through fabric8) as an independent reader
 * of what we write and writer of what we read: a difference in escaping or number syntax shows up as a tree that
 * does not match.
 */
class JsonProperties {
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Property
    void parseOfWrite_isIdentity_inBothLayouts(@ForAll("values") JsonValue v) {
        assertThat(JsonParser.parse(JsonWriter.compact(v))).isEqualTo(v);
        assertThat(JsonParser.parse(JsonWriter.pretty(v))).isEqualTo(v);
    }

    @Property
    void writeOfParse_isTheSameText(@ForAll("values") JsonValue v) {
        String compact = JsonWriter.compact(v);
        assertThat(JsonWriter.compact(JsonParser.parse(compact))).isEqualTo(compact);
        String pretty = JsonWriter.pretty(v);
        assertThat(JsonWriter.pretty(JsonParser.parse(pretty))).isEqualTo(pretty);
    }

    @Property
    void anyJavaString_comesBackUnchanged(@ForAll("anyChars") String s) {
        assertThat(JsonParser.parse(JsonWriter.quote(s))).isEqualTo(new JsonString(s));
        assertThat(JsonWriter.quote(s)).doesNotContainPattern("[\\x00-\\x1f]");
    }

    @Property
    void jacksonReadsWhatWeWrite(@ForAll("values") JsonValue v) throws Exception {
        assertThat(fromJackson(JACKSON.readTree(JsonWriter.compact(v)))).isEqualTo(v);
        assertThat(fromJackson(JACKSON.readTree(JsonWriter.pretty(v)))).isEqualTo(v);
    }

    @Property
    void weReadWhatJacksonWrites(@ForAll("values") JsonValue v) throws Exception {
        JsonNode tree = toJackson(v);
        assertThat(JsonParser.parse(JACKSON.writeValueAsString(tree))).isEqualTo(v);
        assertThat(JsonParser.parse(JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree))).isEqualTo(v);
    }

    /** Arbitrary text either parses or is a JsonException with an offset inside the text: never another exception. */
    @Property
    void anyText_parsesOrIsAJsonException(@ForAll("jsonishText") String text) {
        try {
            JsonParser.parse(text);
        } catch (JsonException e) {
            assertThat(e.offset()).isBetween(0, text.length());
        }
    }

    /** A document cut anywhere inside its outermost container is never complete. */
    @Property
    void truncatedContainer_isAnError(@ForAll("containers") JsonValue v, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        String text = JsonWriter.compact(v);
        String truncated = text.substring(0, cut % text.length());
        assertThatThrownBy(() -> JsonParser.parse(truncated)).isInstanceOf(JsonException.class);
    }

    @Provide
    Arbitrary<JsonValue> values() {
        return value(3);
    }

    @Provide
    Arbitrary<JsonValue> containers() {
        return value(3).filter(v -> v instanceof JsonObject || v instanceof JsonArray);
    }

    @Provide
    Arbitrary<String> anyChars() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> jsonishText() {
        Arbitrary<String> mutated = values().map(JsonWriter::compact).flatMap(s -> Arbitraries.integers()
                .between(0, s.length()).flatMap(at -> Arbitraries.strings().withChars("{}[]\",:\\u0-9eE.+-tfn \n")
                        .ofMaxLength(2).map(ins -> s.substring(0, at) + ins + s.substring(Math.min(s.length(), at + 1)))));
        return Arbitraries.oneOf(mutated, Arbitraries.strings().withChars("{}[]\",:\\u0123456789eE.+-truefalsn \t")
                .ofMaxLength(30));
    }

    private Arbitrary<JsonValue> value(int depth) {
        Arbitrary<JsonValue> leaf = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12).map(JsonString::new),
                Arbitraries.longs().map(JsonNumber::of),
                Arbitraries.doubles().filter(Double::isFinite).map(JsonNumber::of),
                Combinators.combine(Arbitraries.bigIntegers().between(
                                        new java.math.BigInteger("-1" + "0".repeat(30)), new java.math.BigInteger("1" + "0".repeat(30))),
                                Arbitraries.integers().between(-40, 40))
                        .as((unscaled, scale) -> JsonNumber.of(new BigDecimal(unscaled, scale))),
                Arbitraries.of(JsonBoolean.TRUE, JsonBoolean.FALSE, JsonNull.NULL));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonValue> child = value(depth - 1);
        Arbitrary<JsonValue> array = child.list().ofMaxSize(4).map(JsonArray::new);
        Arbitrary<JsonValue> object = Combinators.combine(
                        Arbitraries.strings().all().ofMaxLength(6).list().ofMaxSize(4), child.list().ofSize(4))
                .as((names, values) -> {
                    JsonObject.Builder b = JsonObject.builder();
                    for (int i = 0; i < names.size(); i++) {
                        b.put(names.get(i), values.get(i));
                    }
                    return b.build();
                });
        return Arbitraries.frequencyOf(Tuple.of(2, leaf), Tuple.of(1, array), Tuple.of(1, object));
    }

    private static JsonValue fromJackson(JsonNode n) {
        if (n.isObject()) {
            JsonObject.Builder b = JsonObject.builder();
            n.properties().forEach(e -> b.put(e.getKey(), fromJackson(e.getValue())));
            return b.build();
        }
        if (n.isArray()) {
            List<JsonValue> out = new ArrayList<>();
            n.forEach(e -> out.add(fromJackson(e)));
            return new JsonArray(out);
        }
        if (n.isTextual()) {
            return new JsonString(n.textValue());
        }
        if (n.isNumber()) {
            return JsonNumber.of(n.decimalValue());
        }
        if (n.isBoolean()) {
            return JsonBoolean.of(n.booleanValue());
        }
        assertThat(n.isNull()).as("a JSON value: " + n).isTrue();
        return JsonNull.NULL;
    }

    private static JsonNode toJackson(JsonValue v) {
        JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
        return switch (v) {
            case JsonObject o -> {
                ObjectNode out = f.objectNode();
                for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                    out.set(e.getKey(), toJackson(e.getValue()));
                }
                yield out;
            }
            case JsonArray a -> {
                ArrayNode out = f.arrayNode();
                a.forEach(e -> out.add(toJackson(e)));
                yield out;
            }
            case JsonString(String s) -> f.textNode(s);
            case JsonNumber n -> f.numberNode(n.decimal());
            case JsonBoolean b -> f.booleanNode(b.value());
            case JsonNull n -> f.nullNode();
        };
    }
}
