package dev.podbgp.bgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.FuzzedCapabilities;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.attr.Rfc6793Loss;
import java.util.Arrays;

/**
 * Tier 3 (DESIGN.md): arbitrary bytes into the UPDATE decoder. An input is one capability
 * octet ({@link FuzzedCapabilities}) followed by a whole BGP message, header included, so
 * the corpus stays valid when the target moves to the full-message codec.
 *
 * <p>Without JAZZER_FUZZ this runs every file of {@code UpdateFuzzTestInputs/updateMessage}
 * (seeds made by scripts/make-fuzz-seeds.py, and every crash found since) as a regression
 * test; with JAZZER_FUZZ=1 it fuzzes for {@code maxDuration}.
 */
class UpdateFuzzTest {
    private static final int HEADER = 19;

    @FuzzTest(maxDuration = "45s")
    void updateMessage(byte[] input) {
        if (input.length < 1 + HEADER) {
            return;
        }
        SessionCapabilities caps = FuzzedCapabilities.of(input[0]);
        byte[] message = Arrays.copyOfRange(input, 1, input.length);
        switch (decode(message, 0, message.length, caps)) {
            case DecodeResult.Malformed<? extends BgpMessage> m -> assertMessageLevel(m.problem());
            case DecodeResult.Ok<? extends BgpMessage> ok -> {
                ok.repaired().forEach(r -> assertThat(r.action()).isIn(ErrorAction.TREAT_AS_WITHDRAW, ErrorAction.ATTRIBUTE_DISCARD));
                assertRoundTrip(ok.value(), caps);
            }
        }
    }

    /** RFC 7606 §2: at the message level only the session (or the family) can go. */
    private static void assertMessageLevel(Malformation problem) {
        assertThat(problem.action()).isIn(ErrorAction.SESSION_RESET, ErrorAction.AFI_SAFI_DISABLE);
        assertThat(problem.error()).isNotNull();
        assertThat(problem.reason()).isNotBlank();
    }

    /**
     * What we decoded, we can send, and the peer reads back the same thing with nothing left to
     * repair; and our encoding is a fixed point. The input bytes themselves need not come back:
     * attributes are re-ordered by type code, extended lengths shortened, broken attributes
     * dropped and RFC 6793 AS4 attributes merged. Where RFC 6793 itself loses the AS4_PATH
     * ({@link Rfc6793Loss}) the first re-decoding may differ, but from then on it is stable.
     */
    static void assertRoundTrip(BgpMessage decoded, SessionCapabilities caps) {
        BgpMessage once = reencode(decoded, caps);
        if (!once.equals(decoded) && decoded instanceof Update u
                && Rfc6793Loss.as4PathLostAfterEncoding(u.attributes(), caps)) {
            decoded = once;
            once = reencode(decoded, caps);
        }
        assertThat(once).isEqualTo(decoded);
        assertThat(encode(once, caps)).isEqualTo(encode(decoded, caps));
    }

    private static BgpMessage reencode(BgpMessage m, SessionCapabilities caps) {
        byte[] encoded = encode(m, caps);
        DecodeResult<? extends BgpMessage> again = decode(encoded, 0, encoded.length, caps);
        assertThat(again).isInstanceOf(DecodeResult.Ok.class);
        DecodeResult.Ok<? extends BgpMessage> ok = (DecodeResult.Ok<? extends BgpMessage>) again;
        assertThat(ok.repaired()).isEmpty();
        return ok.value();
    }

    /** The decoder under test: the whole message, header checks included (RFC 4271 §4.1, §6.1). */
    static DecodeResult<? extends BgpMessage> decode(byte[] b, int off, int len, SessionCapabilities caps) {
        return MessageCodec.decode(b, off, len, caps);
    }

    static byte[] encode(BgpMessage m, SessionCapabilities caps) {
        return MessageCodec.encode(m, caps);
    }
}
