package dev.podbgp.bgp.exabgp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.capability.FourOctetAs;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.Keepalive;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.bgp.wire.message.RouteRefresh;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our JSON against what ExaBGP 4.2.21's own encoder printed for the same bytes
 * (src/test/resources/exabgp/encoder, see its README).
 */
class ExabgpJsonTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ExabgpNeighbor NEIGHBOR =
            new ExabgpNeighbor(IpAddress.parse("127.0.0.1"), IpAddress.parse("127.0.0.2"), 65001, 65002);
    static final Envelope ENV = new Envelope(1795429983.890336, "vm", 12684, 12680, 7);

    static final String FULL_OPEN = "04FDE900B40A0000014F024D01040001000101040002000102008000460041040000FDE9"
            + "450400010103050600010001000206004006807800010180470700010180000E10490B056E6F64653104746573740A0107F002ABCD";
    static final String REPEATED_OPEN = "04fde900b40a0000016402060104000100010206010400020001020a450800010101000201"
            + "02020a4508000101030002010202028000020202000208400600640001018002084006407800020100021e0506000100010002"
            + "0506000100010002050c000100010002000100020002";

    static BgpMessage message(int type, String bodyHex) {
        byte[] wire = raw(type, bodyHex);
        return MessageCodec.decode(wire, 0, wire.length, SessionCapabilities.RFC4271).orThrow();
    }

    static byte[] raw(int type, String bodyHex) {
        byte[] body = Bytes.fromHex(bodyHex);
        byte[] wire = Bytes.fromHex("FF".repeat(16) + "%04X%02X".formatted(19 + body.length, type) + bodyHex);
        return wire;
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = ExabgpJsonTest.class.getResourceAsStream("/exabgp/encoder/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // ExaBGP 4.2.21 quotes route-refresh strings twice ("afi": ""ipv4""), which is not JSON.
            return stable(JSON.readTree(text.replaceAll("\"\"([^\"]*)\"\"", "\"$1\"")));
        }
    }

    static JsonNode stable(JsonNode node) {
        ObjectNode o = (ObjectNode) node;
        o.remove(List.of("time", "host", "pid", "ppid", "counter"));
        return o;
    }

    static JsonNode ours(String line) throws IOException {
        return stable(JSON.readTree(line));
    }

    @Test
    void openWithEveryCapabilityMatchesExabgp() throws IOException {
        Open open = (Open) message(1, FULL_OPEN);
        assertThat(ours(ExabgpJson.open(ENV, NEIGHBOR, Direction.RECEIVE, open, null)))
                .isEqualTo(fixture("open-frr-like.json"));
    }

    @Test
    void openWithRepeatedCapabilitiesFoldsThemLikeExabgp() throws IOException {
        Open open = (Open) message(1, REPEATED_OPEN);
        assertThat(ours(ExabgpJson.open(ENV, NEIGHBOR, Direction.RECEIVE, open, null)))
                .isEqualTo(fixture("open-repeated-capabilities.json"));
    }

    @Test
    void codesExabgpNamesButWeKeepRawPrintAsExabgpNamesThem() throws IOException {
        Open open = (Open) message(1, "04fde900b40a0000010a02084400b90000000300");
        assertThat(ours(ExabgpJson.open(ENV, NEIGHBOR, Direction.RECEIVE, open, null)))
                .isEqualTo(fixture("open-exabgp-named-codes.json"));
    }

    @Test
    void openWithPacketsCarriesHeaderAndBodyHex() throws IOException {
        byte[] wire = raw(1, "0400c8005a0101010100");
        Open open = (Open) message(1, "0400c8005a0101010100");
        assertThat(ours(ExabgpJson.open(ENV, NEIGHBOR, Direction.RECEIVE, open, wire)))
                .isEqualTo(fixture("open-minimal-packets.json"));
    }

    @Test
    void notificationsMatchExabgp() throws IOException {
        assertNotification("060200", "notification-cease-shutdown-empty.json");
        assertNotification("0604", "notification-cease-reset-no-data.json");
        assertNotification("0301deadbeef", "notification-update-malformed-attributes.json");
    }

    /** ExaBGP 4.2.21 has no Hard Reset decoding: the encapsulated NOTIFICATION prints as raw data. */
    @Test
    void rfc8538_s3_hardResetPrintsItsEncapsulatedNotificationAsRawDataLikeExabgp() throws IOException {
        assertNotification("0609" + "0602" + "0B6D61696E74656E616E6365", "notification-cease-hard-reset-shutdown.json");
        assertNotification("0609" + "0601" + "000101000000C8", "notification-cease-hard-reset-max-prefix.json");
        // An empty communication inside a Hard Reset is not replaced by ExaBGP's text, unlike a bare Cease/2.
        assertNotification("0609" + "060200", "notification-cease-hard-reset-empty-communication.json");
        assertNotification("0609" + "06", "notification-cease-hard-reset-short.json");
    }

    @Test
    void rfc8538_s3_ourHardResetEncodesTheBytesExabgpWasGiven() throws IOException {
        Notification ours = Notification.hardReset(Notification.shutdown(
                dev.podbgp.bgp.wire.BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "maintenance"));
        assertThat(ours).isEqualTo(message(3, "0609" + "0602" + "0B6D61696E74656E616E6365"));
        assertThat(ExabgpJsonTest.ours(ExabgpJson.notification(ENV, NEIGHBOR, Direction.RECEIVE, ours, null)))
                .isEqualTo(fixture("notification-cease-hard-reset-shutdown.json"));
    }

    private static void assertNotification(String body, String fixture) throws IOException {
        Notification n = (Notification) message(3, body);
        assertThat(ours(ExabgpJson.notification(ENV, NEIGHBOR, Direction.RECEIVE, n, null))).isEqualTo(fixture(fixture));
    }

    @Test
    void routeRefreshMatchesExabgpOnceItsQuotingIsRepaired() throws IOException {
        RouteRefresh v4 = (RouteRefresh) message(5, "00010001");
        RouteRefresh v6 = (RouteRefresh) message(5, "00020201");
        assertThat(ours(ExabgpJson.routeRefresh(ENV, NEIGHBOR, Direction.RECEIVE, v4, null)))
                .isEqualTo(fixture("refresh-ipv4-unicast-normal.json"));
        assertThat(ours(ExabgpJson.routeRefresh(ENV, NEIGHBOR, Direction.RECEIVE, v6, null)))
                .isEqualTo(fixture("refresh-ipv6-unicast-eorr.json"));
    }

    @Test
    void keepalivesMatchExabgp() throws IOException {
        assertThat(ours(ExabgpJson.keepalive(ENV, NEIGHBOR, Direction.RECEIVE, Keepalive.INSTANCE, null)))
                .isEqualTo(fixture("keepalive-receive.json"));
        byte[] wire = MessageCodec.encode(Keepalive.INSTANCE, SessionCapabilities.RFC4271);
        assertThat(ours(ExabgpJson.keepalive(ENV, NEIGHBOR, Direction.SEND, Keepalive.INSTANCE, wire)))
                .isEqualTo(fixture("keepalive-send-packets.json"));
    }

    @Test
    void stateEventsMatchExabgp() throws IOException {
        assertThat(ours(ExabgpJson.state(ENV, NEIGHBOR, NeighborState.UP, ""))).isEqualTo(fixture("state-up.json"));
        assertThat(ours(ExabgpJson.state(ENV, NEIGHBOR, NeighborState.CONNECTED, "")))
                .isEqualTo(fixture("state-connected.json"));
        String reason = "peer reset, message [closing connection] error[the TCP connection was closed by the remote end]";
        assertThat(ours(ExabgpJson.state(ENV, NEIGHBOR, NeighborState.DOWN, reason)))
                .isEqualTo(fixture("state-down.json"));
    }

    @Test
    void envelopeCarriesVersionTimeHostPidAndCounter() throws IOException {
        JsonNode line = JSON.readTree(ExabgpJson.keepalive(ENV, NEIGHBOR, Direction.RECEIVE, Keepalive.INSTANCE, null));
        assertThat(line.get("exabgp").asText()).isEqualTo("4.0.1");
        assertThat(line.get("time").isFloatingPointNumber()).isTrue();
        assertThat(line.get("host").asText()).isEqualTo("vm");
        assertThat(line.get("pid").asLong()).isEqualTo(12684);
        assertThat(line.get("ppid").asLong()).isEqualTo(12680);
        assertThat(line.get("counter").asLong()).isEqualTo(7);
    }

    @Test
    void timeIsPrintedAsPythonPrintsAFloat() {
        assertThat(new Envelope(1795429983.890336, "h", 1, 1, 1).timeToken()).isEqualTo("1795429983.890336");
        assertThat(new Envelope(1700000000, "h", 1, 1, 1).timeToken()).isEqualTo("1700000000.0");
        assertThat(ExabgpJson.keepalive(new Envelope(1700000000.5, "h", 1, 1, 1), NEIGHBOR, Direction.SEND,
                Keepalive.INSTANCE, null)).contains("\"time\": 1700000000.5,");
    }

    @Test
    void shutdownLineHasNoNeighborAndNoCounter() throws IOException {
        JsonNode line = JSON.readTree(ExabgpJson.shutdown(ENV));
        assertThat(line.get("type").asText()).isEqualTo("notification");
        assertThat(line.get("notification").asText()).isEqualTo("shutdown");
        assertThat(line.has("counter")).isFalse();
        assertThat(line.has("neighbor")).isFalse();
    }

    @Test
    void sentOpenShowsTheFourOctetAsWhereReceivedShowsTheWireField() throws IOException {
        Open open = Open.of(4_200_000_000L, 90, Ipv4Address.parse("10.0.0.1"), List.of(new FourOctetAs(4_200_000_000L)));
        JsonNode sent = JSON.readTree(ExabgpJson.open(ENV, NEIGHBOR, Direction.SEND, open, null));
        JsonNode received = JSON.readTree(ExabgpJson.open(ENV, NEIGHBOR, Direction.RECEIVE, open, null));
        assertThat(sent.at("/neighbor/open/asn").asLong()).isEqualTo(4_200_000_000L);
        assertThat(sent.at("/neighbor/direction").asText()).isEqualTo("send");
        assertThat(received.at("/neighbor/open/asn").asLong()).isEqualTo(Open.AS_TRANS);
    }

    @Test
    void ipv6NeighborAddressesPrintCompressed() throws IOException {
        var n = new ExabgpNeighbor(IpAddress.parse("2001:db8::1"), IpAddress.parse("2001:db8:0:0:0:0:0:2"), 1, 2);
        JsonNode line = JSON.readTree(ExabgpJson.state(ENV, n, NeighborState.UP, ""));
        assertThat(line.at("/neighbor/address/peer").asText()).isEqualTo("2001:db8::2");
    }

    /**
     * RFC 7606 §2 treat-as-withdraw (a zero-length MED, §7.4) of an UPDATE without prefixes leaves
     * an empty UPDATE, which must not be printed as the End-of-RIB RFC 4724 §2 defines by that shape.
     */
    @Test
    void rfc7606_s2_treatAsWithdrawWithNothingToWithdraw_isAnEmptyUpdate_notEndOfRib() throws Exception {
        byte[] wire = raw(2, "0000" + "0007" + "40010100" + "800400");
        var ok = (dev.podbgp.bgp.wire.DecodeResult.Ok<BgpMessage>) MessageCodec.decode(wire, 0, wire.length,
                SessionCapabilities.FOUR_OCTET_AS);
        var update = (dev.podbgp.bgp.wire.message.Update) ok.value();
        assertThat(ok.repaired()).isNotEmpty();
        assertThat(JSON.readTree(ExabgpJson.update(ENV, NEIGHBOR, Direction.DECODE, update, ok.repaired(), null))
                .at("/neighbor/message").toString()).isEqualTo("{\"update\":{}}");
        assertThat(JSON.readTree(ExabgpJson.update(ENV, NEIGHBOR, Direction.DECODE, update, null))
                .at("/neighbor/message").has("eor")).as("the same UPDATE untouched by decoding").isTrue();
    }
}
