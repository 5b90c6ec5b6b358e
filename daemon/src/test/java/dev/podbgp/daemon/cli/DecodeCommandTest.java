package dev.podbgp.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.bgp.wire.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodeCommandTest {
    private static final String MARKER = "FF".repeat(16);
    private static final String KEEPALIVE = MARKER + "001304";
    private static final String EOR = MARKER + "0017020000" + "0000";

    /**
     * RFC 4271 §4.1: Length is a 2-octet field. ExaBGP reads it as octet16 << 16 | octet17 and
     * swallows everything after a message of 256 octets or more; we split it correctly.
     */
    @Test
    void rfc4271_s4_1_lengthIsTwoOctets_messagesOf256OctetsOrMoreSplitCorrectly() {
        String big = bigUpdate();
        assertThat(big.length() / 2).isGreaterThanOrEqualTo(256);
        List<HexMessages.Piece> pieces = HexMessages.split(Bytes.fromHex(big + EOR));
        assertThat(pieces).hasSize(2);
        assertThat(((HexMessages.Piece.Message) pieces.get(0)).bytes()).hasSize(big.length() / 2);
        assertThat(Bytes.hex(((HexMessages.Piece.Message) pieces.get(1)).bytes())).isEqualToIgnoringCase(EOR);
    }

    /** An UPDATE of 300 octets: ORIGIN plus one 280-octet unknown optional transitive attribute, no NLRI. */
    private static String bigUpdate() {
        String unknown = "E0" + "63" + "0118" + "00".repeat(280);
        String attrs = "40010100" + unknown;
        String body = "0000" + String.format("%04X", attrs.length() / 2) + attrs;
        return MARKER + String.format("%04X", body.length() / 2 + 19) + "02" + body;
    }

    /** ExaBGP aborts on anything but UPDATE; podbgp prints KEEPALIVE as ExaBGP's API would. */
    @Test
    void keepaliveDecodesToExabgpKeepaliveLine() throws Exception {
        CliRun run = CliRun.of("decode", KEEPALIVE);
        assertThat(run.exitCode()).isZero();
        var json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("type").asText()).isEqualTo("keepalive");
        assertThat(json.path("neighbor").path("direction").asText()).isEqualTo("in");
    }

    /**
     * RFC 7606 §2 / RFC 4724 §2: ORIGIN and a zero-length MED (treat-as-withdraw), no prefixes.
     * Nothing is left of it, but it is not an End-of-RIB: the line says "update", not "eor".
     */
    @Test
    void rfc7606_s2_treatAsWithdrawWithoutPrefixes_isAnEmptyUpdateNotEndOfRib() throws Exception {
        CliRun run = CliRun.of("decode", MARKER + "001E02" + "0000" + "0007" + "40010100" + "800400");
        assertThat(run.exitCode()).isZero();
        var line = new ObjectMapper().readTree(run.out().strip());
        assertThat(line.at("/neighbor/message").toString()).isEqualTo("{\"update\":{}}");
        assertThat(run.err()).contains("TREAT_AS_WITHDRAW");
    }

    @Test
    void notHex_isUsageError_exit2() {
        CliRun run = CliRun.of("decode", "FFZZ");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a hexadecimal string of whole octets: FFZZ");
        assertThat(CliRun.of("decode", "FFF").exitCode()).isEqualTo(2);
    }

    /** RFC 4271 §4.3: Withdrawn Routes Length 5 but no octet follows; the reason goes to stderr, exit 1. */
    @Test
    void malformedUpdate_printsReasonAndExits1_otherMessagesStillPrinted() {
        CliRun run = CliRun.of("decode", MARKER + "0017020005" + "0000", EOR);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("message 1 is malformed").contains("code=3/");
        assertThat(run.out().lines().toList()).hasSize(1).allMatch(l -> l.contains("\"eor\""));
    }

    @Test
    void headerLongerThanInput_isReportedWithItsOffset() {
        CliRun run = CliRun.of("decode", EOR + MARKER + "0030020000");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("message 2 at octet 23: header length 48 but 21 octets left");
        assertThat(run.out().lines().toList()).hasSize(1);
    }

    @Test
    void footerExamplesDecode() {
        assertThat(CliRun.of("decode", "000000144001010040020602010000FDE9400304C0000201180AF001").exitCode()).isZero();
        assertThat(CliRun.of("decode", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:0017:02:0000:0000").exitCode()).isZero();
        CliRun old = CliRun.of("decode", "--no-asn4", "00000012400101004002040201FDE9400304C0000201180AF001");
        assertThat(old.exitCode()).isZero();
        assertThat(old.out()).contains("\"as-path\": [ 65001 ]");
    }
}
