package dev.podbgp.bgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.SessionCapabilities;
import org.junit.jupiter.api.Test;

class KeepaliveTest {

    @Test
    void rfc4271_s4_4_keepaliveIsTheHeaderAlone() {
        byte[] wire = MessageCodec.encode(Keepalive.INSTANCE, SessionCapabilities.RFC4271);
        assertThat(Bytes.hex(wire)).isEqualTo("FF".repeat(16) + "001304");
        assertThat(MessageCodec.decode(wire, 0, wire.length, SessionCapabilities.RFC4271).orThrow())
                .isEqualTo(Keepalive.INSTANCE);
    }

    @Test
    void rfc4271_s6_1_keepaliveWithBodyIsBadLength() {
        var r = Keepalive.decodeBody(new byte[] {0}, 0, 1);
        var problem = ((DecodeResult.Malformed<Keepalive>) r).problem();
        assertThat(problem.error()).isEqualTo(BgpError.BAD_MESSAGE_LENGTH);
        assertThat(problem.data()).containsExactly(0, 20);
    }
}
