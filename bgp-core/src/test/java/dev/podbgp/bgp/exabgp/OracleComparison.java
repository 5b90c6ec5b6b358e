package dev.podbgp.bgp.exabgp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One differential run: our encoding of each UPDATE is decoded by ExaBGP 4.2.21 (one batch) and
 * by us, and the two JSON lines are compared as parsed JSON, envelope included. ExaBGP is never
 * optional: when it is missing {@link ExabgpBinary} throws and the test fails.
 */
final class OracleComparison {
    private OracleComparison() {}

    static final Envelope ENVELOPE = new Envelope(0, "podbgp", 0, 0, 0);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One line per UPDATE whose JSON differs from ExaBGP's or that ExaBGP refused; empty when all agree. */
    static List<String> differences(List<Update> updates, SessionCapabilities caps, OracleContext oracle) {
        return differences(updates, caps, oracle, (update, exabgp) -> { });
    }

    /**
     * The same, after {@code undoQuirk} has edited a copy of ExaBGP's JSON of each UPDATE: the
     * way to compare around an ExaBGP bug docs/exabgp-compat.md lists, and nothing else.
     */
    static List<String> differences(List<Update> updates, SessionCapabilities caps, OracleContext oracle,
            BiConsumer<Update, ObjectNode> undoQuirk) {
        List<String> hex = updates.stream().map(u -> Bytes.hex(MessageCodec.encode(u, caps))).toList();
        List<OracleResult> results = new ExabgpOracle(oracle).decode(hex);
        assertThat(results).hasSize(updates.size());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            byte[] wire = Bytes.fromHex(hex.get(i));
            BgpMessage decoded = MessageCodec.decode(wire, 0, wire.length, caps).orThrow();
            assertThat(decoded).as("our decode of our encoding").isEqualTo(updates.get(i));
            JsonNode mine = withoutVolatileKeys(ExabgpJson.update(ENVELOPE, neighbor(oracle), Direction.DECODE,
                    (Update) decoded, null));
            switch (results.get(i)) {
                case OracleResult.Decoded d -> {
                    ObjectNode theirs = (ObjectNode) d.json().deepCopy();
                    undoQuirk.accept(updates.get(i), theirs);
                    if (!theirs.equals(mine)) {
                        differences.add("#" + i + " " + hex.get(i) + "\n  exabgp: " + d.json() + "\n  podbgp: " + mine);
                    }
                }
                case OracleResult.Refused r -> differences.add("#" + i + " " + hex.get(i) + " refused by ExaBGP: " + r.reason());
            }
        }
        return differences;
    }

    static ExabgpNeighbor neighbor(OracleContext oracle) {
        OracleNeighbor n = oracle.neighbor();
        return new ExabgpNeighbor(IpAddress.parse(n.localAddress()), IpAddress.parse(n.peerAddress()), n.localAs(), n.peerAs());
    }

    static JsonNode withoutVolatileKeys(String json) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(json);
            ExabgpOracle.VOLATILE_KEYS.forEach(node::remove);
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("our JSON does not parse: " + json, e);
        }
    }
}
