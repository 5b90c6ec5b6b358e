package dev.podbgp.bgp.exabgp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regenerates the checked-in fixtures {@code commands.json} and {@code session-messages.json}
 * from live ExaBGP 4.2.21 runs (root, network namespaces). Run by
 * {@code scripts/regenerate-exabgp-fixtures.sh}; see docs/exabgp-oracle.md.
 */
public final class ExabgpFixtureWriter {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The pseudo-command under which the End-of-RIBs sent at session start are recorded. */
    static final String SESSION_START = "#session-start";

    private ExabgpFixtureWriter() {}

    /** The corpus: per session context, the commands fed to the sender, in order. */
    static Map<CaptureContext, List<String>> corpus() {
        Map<CaptureContext, List<String>> corpus = new LinkedHashMap<>();
        corpus.put(CaptureContext.EBGP, List.of(
                "announce route 10.0.0.0/24 next-hop self",
                "announce route 10.0.1.0/24 next-hop 10.255.0.1",
                "announce route 10.0.2.0/24 next-hop 192.0.2.1 origin egp",
                "announce route 10.0.3.0/24 next-hop 10.255.0.1 origin incomplete",
                "announce route 10.0.4.0/24 next-hop self origin igp as-path [ 65001 65010 4200000001 ]",
                "announce route 10.0.5.0/24 next-hop self as-path [ 65001 ( 65005 65006 ) ]",
                "announce route 10.0.6.0/24 next-hop self med 50",
                "announce route 10.0.7.0/24 next-hop self local-preference 200",
                "announce route 10.0.8.0/24 next-hop self community [ 65000:1 65000:2 ]",
                "announce route 10.0.9.0/24 next-hop self community [ no-export ]",
                "announce route 10.0.10.0/24 next-hop self community [ no-advertise no-export-subconfed 65000:3 ]",
                "announce route 10.0.11.0/24 next-hop self large-community [ 65000:1:2 4200000001:3:4 ]",
                "announce route 10.0.12.0/24 next-hop self extended-community [ target:65000:100 ]",
                "announce route 10.0.13.0/24 next-hop self extended-community [ origin:65000:101 ]",
                "announce route 10.0.14.0/24 next-hop self extended-community [ target:192.0.2.1:7 origin:192.0.2.1:8 ]",
                "announce route 10.0.15.0/24 next-hop self extended-community [ target:4200000001L:9 ]",
                "announce route 10.0.16.0/24 next-hop self extended-community [ redirect:65000:200 ]",
                "announce route 10.0.17.0/24 next-hop self extended-community [ 0x0002FDE800000066 ]",
                "announce route 10.0.18.0/24 next-hop self atomic-aggregate",
                "announce route 10.0.19.0/24 next-hop self aggregator ( 65001:192.0.2.9 )",
                "announce route 10.0.20.0/24 next-hop self originator-id 192.0.2.7",
                "announce route 10.0.21.0/24 next-hop self cluster-list [ 192.0.2.7 192.0.2.8 ]",
                "announce route 10.0.22.0/24 next-hop self origin egp as-path [ 65001 4200000001 ] med 7"
                        + " community [ 65000:7 no-export ] large-community [ 65000:7:7 ]"
                        + " extended-community [ target:65000:7 ]",
                "announce route 10.0.23.0/24 next-hop self attribute [ 0x63 0xc0 0x010203 ]",
                "announce attributes next-hop 10.255.0.1 origin igp as-path [ 65001 ] nlri 10.1.0.0/24 10.1.1.0/24 10.1.2.0/24",
                "announce attributes next-hop self med 9 nlri 10.1.3.0/24 10.1.4.128/25",
                "neighbor 10.255.0.2 announce route 10.2.0.0/24 next-hop self",
                "neighbor 10.255.0.9 announce route 10.2.1.0/24 next-hop self",
                "withdraw route 10.0.0.0/24",
                "withdraw route 10.0.1.0/24 next-hop 10.255.0.1",
                "neighbor 10.255.0.2 withdraw route 10.2.0.0/24",
                "withdraw route 10.1.0.0/24",
                "announce route 2001:db8:1::/48 next-hop fd00:255::1",
                "announce route 2001:db8:3::/48 next-hop fd00:255::1 as-path [ 65001 4200000001 ] med 10"
                        + " community [ 65000:1 ] large-community [ 65000:1:1 ]",
                "announce route 2001:db8:4::/48 next-hop fe80::1",
                "announce attributes next-hop fd00:255::1 nlri 2001:db8:10::/48 2001:db8:11::/48 2001:db8:12::/64",
                "withdraw route 2001:db8:1::/48",
                "withdraw route 2001:db8:10::/48",
                "announce route 10.0.0.0/33 next-hop self",
                "announce route 10.3.1.0/24"));
        corpus.put(CaptureContext.IBGP, List.of(
                "announce route 10.5.0.0/24 next-hop self",
                "announce route 10.5.1.0/24 next-hop 10.255.0.1 local-preference 300",
                "announce route 10.5.2.0/24 next-hop self as-path [ 65010 ]",
                "announce route 10.5.3.0/24 next-hop self originator-id 10.255.0.9 cluster-list [ 10.255.0.9 ]",
                "announce route 2001:db8:5::/48 next-hop fd00:255::1",
                "withdraw route 10.5.0.0/24",
                "withdraw route 2001:db8:5::/48"));
        corpus.put(new CaptureContext(65001, 65002, false, false), List.of(
                "announce route 10.6.0.0/24 next-hop self",
                "announce route 10.6.1.0/24 next-hop self as-path [ 65001 4200000001 65003 ]",
                "announce route 10.6.2.0/24 next-hop self aggregator ( 4200000001:192.0.2.9 )",
                "announce route 10.6.3.0/24 next-hop self aggregator ( 65001:192.0.2.9 )",
                "announce route 10.6.4.0/24 next-hop self large-community [ 4200000001:1:1 ]",
                "announce route 2001:db8:6::/48 next-hop fd00:255::1 as-path [ 65001 4200000001 ]",
                "withdraw route 10.6.0.0/24"));
        corpus.put(new CaptureContext(4200000001L, 65002, true, false), List.of(
                "announce route 10.8.0.0/24 next-hop self",
                "announce route 10.8.1.0/24 next-hop self as-path [ 4200000001 65010 ]"));
        corpus.put(new CaptureContext(65001, 65002, true, true), List.of(
                "announce route 10.7.0.0/24 next-hop self path-information 1",
                "announce route 10.7.0.0/24 next-hop 10.255.0.1 path-information 2",
                "announce route 10.7.1.0/24 next-hop self path-information 0.0.0.3",
                "announce route 10.7.2.0/24 next-hop self",
                "announce route 2001:db8:7::/48 next-hop fd00:255::1 path-information 4",
                "withdraw route 10.7.0.0/24 path-information 1",
                "withdraw route 2001:db8:7::/48 path-information 4"));
        return corpus;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bgp-core/src/test/resources/exabgp");
        Files.createDirectories(out);
        ArrayNode commands = MAPPER.createArrayNode();
        for (var e : corpus().entrySet()) {
            try (LiveExabgpCapture capture = LiveExabgpCapture.start(e.getKey())) {
                commands.add(entry(e.getKey(), SESSION_START, "done", capture.initialMessages().stream()
                        .filter(m -> m.type().equals("update")).toList()));
                for (String command : e.getValue()) {
                    CommandCapture c = capture.send(command);
                    commands.add(entry(e.getKey(), command, c.answer(), c.messages()));
                    System.out.printf("%-5s %d update(s)  %s%n", c.answer(), c.messages().size(), command);
                }
            }
        }
        MAPPER.writeValue(out.resolve("commands.json").toFile(), commands);
        MAPPER.writeValue(out.resolve("session-messages.json").toFile(), sessionMessages());
        System.out.println("wrote " + commands.size() + " command entries to " + out);
    }

    /** Through text and back, so numbers have the node types a fixture read from disk has. */
    static JsonNode normalized(JsonNode n) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(n));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode contextJson(CaptureContext c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("session", c.ibgp() ? "ibgp" : "ebgp");
        n.put("localAs", c.localAs());
        n.put("peerAs", c.peerAs());
        n.put("asn4", c.asn4());
        n.put("addPath", c.addPath());
        return normalized(n);
    }

    static JsonNode entry(CaptureContext c, String command, String answer, List<ReceivedMessage> messages) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("context", contextJson(c));
        n.put("command", command);
        n.put("answer", answer);
        ArrayNode updates = n.putArray("updates");
        ArrayNode json = n.putArray("json");
        for (ReceivedMessage m : messages) {
            if (!m.type().equals("update")) {
                throw new IllegalStateException("a command produced a " + m.type() + ": " + m.parsed());
            }
            updates.add(m.hex());
            json.add(m.parsed());
        }
        return normalized(n);
    }

    /**
     * The whole life of one eBGP session as the receiver's API process saw it: state changes,
     * OPEN and KEEPALIVE (packets line and parsed line), the initial End-of-RIBs, and the
     * NOTIFICATION the sender sends on {@code teardown 2} (Cease / Administrative Shutdown).
     */
    static ArrayNode sessionMessages() {
        ArrayNode lines = MAPPER.createArrayNode();
        try (LiveExabgpCapture capture = LiveExabgpCapture.start(CaptureContext.EBGP)) {
            String answer = capture.command("neighbor 10.255.0.2 teardown 2");
            if (!answer.equals("done")) {
                throw new IllegalStateException("teardown refused: " + answer);
            }
            capture.awaitLines("the receiver's 'down' state",
                    l -> l.path("neighbor").path("state").asText().equals("down"), 1);
            for (JsonNode line : capture.receiverLines()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
