package dev.podbgp.bgp.wire.attr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.FuzzedCapabilities;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.Arrays;

/**
 * Tier 3 (DESIGN.md): arbitrary bytes as the path attribute section of an UPDATE. An input is
 * one capability octet ({@link FuzzedCapabilities}) and the section. Seeds in
 * {@code PathAttributesFuzzTestInputs/attributeSection} come from scripts/make-fuzz-seeds.py.
 */
class PathAttributesFuzzTest {

    @FuzzTest(maxDuration = "45s")
    void attributeSection(byte[] input) {
        if (input.length < 1) {
            return;
        }
        SessionCapabilities caps = FuzzedCapabilities.of(input[0]);
        byte[] section = Arrays.copyOfRange(input, 1, input.length);
        switch (PathAttributes.decode(section, 0, section.length, caps)) {
            // Only problems the UPDATE cannot survive come back as Malformed (RFC 7606 §2).
            case DecodeResult.Malformed<PathAttributes> m ->
                    assertThat(m.problem().action()).isIn(ErrorAction.SESSION_RESET, ErrorAction.AFI_SAFI_DISABLE);
            case DecodeResult.Ok<PathAttributes> ok -> {
                ok.repaired().forEach(r -> assertThat(r.action()).isIn(ErrorAction.TREAT_AS_WITHDRAW, ErrorAction.ATTRIBUTE_DISCARD));
                assertRoundTrip(ok.value(), caps);
            }
        }
    }

    /** Written back under the same context, the attributes read back equal and clean. */
    private static void assertRoundTrip(PathAttributes decoded, SessionCapabilities caps) {
        PathAttributes once = reencode(decoded, caps);
        if (!once.equals(decoded) && Rfc6793Loss.as4PathLostAfterEncoding(decoded, caps)) {
            decoded = once;
            once = reencode(decoded, caps);
        }
        assertThat(once).isEqualTo(decoded);
        assertThat(encode(once, caps)).isEqualTo(encode(decoded, caps));
    }

    private static PathAttributes reencode(PathAttributes attributes, SessionCapabilities caps) {
        byte[] encoded = encode(attributes, caps);
        DecodeResult<PathAttributes> again = PathAttributes.decode(encoded, 0, encoded.length, caps);
        assertThat(again).isInstanceOf(DecodeResult.Ok.class);
        DecodeResult.Ok<PathAttributes> ok = (DecodeResult.Ok<PathAttributes>) again;
        assertThat(ok.repaired()).isEmpty();
        return ok.value();
    }

    private static byte[] encode(PathAttributes attributes, SessionCapabilities caps) {
        WireWriter out = new WireWriter(attributes.encodedLength(caps));
        attributes.write(out, caps);
        return out.toByteArray();
    }
}
