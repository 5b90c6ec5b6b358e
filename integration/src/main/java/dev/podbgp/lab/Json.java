package dev.podbgp.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON the peers print (vtysh ... json, gobgp -j, ExaBGP's API lines). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + abbreviate(text), e);
        }
    }

    /** Several JSON documents printed one after another (one vtysh call with several -c). */
    public static List<JsonNode> parseAll(String text) {
        List<JsonNode> all = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                all.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("not a sequence of JSON documents: " + abbreviate(text), e);
        }
        return all;
    }

    private static String abbreviate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }
}
