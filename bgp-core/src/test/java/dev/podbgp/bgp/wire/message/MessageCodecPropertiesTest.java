package dev.podbgp.bgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.UnknownCapability;
import dev.podbgp.inet.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Peers' bytes never make a decoder throw; what we encode decodes back to itself. */
class MessageCodecPropertiesTest {

    static final SessionCapabilities[] CAPS = {
        SessionCapabilities.RFC4271, SessionCapabilities.RFC4271.withExtendedMessage(true)};

    @Property(tries = 2000)
    void randomBytesNeverThrow(@ForAll @Size(max = 600) byte[] bytes, @ForAll boolean extended) {
        SessionCapabilities caps = CAPS[extended ? 1 : 0];
        assertThat(MessageCodec.frameLength(bytes, 0, bytes.length, caps)).isNotNull();
        assertThat(MessageCodec.decode(bytes, 0, bytes.length, caps)).isNotNull();
    }

    /** A correct header in front of a random body reaches every body decoder. */
    @Property(tries = 3000)
    void randomBodiesBehindAValidHeaderNeverThrow(@ForAll @IntRange(min = 1, max = 5) int type,
            @ForAll @Size(max = 400) byte[] body) {
        byte[] msg = withHeader(type, body);
        assertThat(MessageCodec.decode(msg, 0, msg.length, SessionCapabilities.RFC4271)).isNotNull();
    }

    /** A plausible OPEN start followed by random parameter octets reaches every capability decoder. */
    @Property(tries = 3000)
    void randomOptionalParametersNeverThrow(@ForAll("parameterAreas") byte[] area) {
        byte[] body = new byte[9 + area.length];
        byte[] fixed = {4, (byte) 0xfd, (byte) 0xe9, 0, 90, 10, 0, 0, 1};
        System.arraycopy(fixed, 0, body, 0, 9);
        System.arraycopy(area, 0, body, 9, area.length);
        byte[] msg = withHeader(1, body);
        assertThat(MessageCodec.decode(msg, 0, msg.length, SessionCapabilities.RFC4271)).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> parameterAreas() {
        // Mostly well-framed: length octet right, parameter type 2, random capability TLVs.
        Arbitrary<byte[]> tlvs = Arbitraries.bytes().array(byte[].class).ofMaxSize(250);
        return tlvs.map(caps -> {
            byte[] area = new byte[3 + caps.length];
            area[0] = (byte) (2 + caps.length);
            area[1] = 2;
            area[2] = (byte) caps.length;
            System.arraycopy(caps, 0, area, 3, caps.length);
            return area;
        });
    }

    @Property(tries = 300)
    void openWithAnyCapabilitySizesRoundTrips(@ForAll @Size(max = 14) List<@IntRange(min = 0, max = 255) Integer> sizes,
            @ForAll @IntRange(min = 0, max = 65535) int holdTime) {
        List<Capability> caps = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            byte[] value = new byte[sizes.get(i)];
            if (value.length > 0) {
                value[value.length - 1] = (byte) i;
            }
            caps.add(new UnknownCapability(200 + (i % 50), value));
        }
        // Up to 14 capabilities of up to 257 octets keep the OPEN under 4096 (RFC 8654 §4) while
        // crossing 255 octets often enough to exercise the RFC 9072 form; hold times 1 and 2 are invalid.
        Open open = new Open(4, 65001, holdTime == 1 || holdTime == 2 ? 0 : holdTime, Ipv4Address.parse("10.0.0.1"),
                caps, List.of());
        byte[] wire = MessageCodec.encode(open, SessionCapabilities.RFC4271);
        assertThat(MessageCodec.decode(wire, 0, wire.length, SessionCapabilities.RFC4271).orThrow()).isEqualTo(open);
    }

    @Property(tries = 300)
    void notificationRoundTrips(@ForAll @IntRange(min = 0, max = 255) int code,
            @ForAll @IntRange(min = 0, max = 255) int subcode, @ForAll @Size(max = 300) byte[] data) {
        Notification n = new Notification(code, subcode, data);
        byte[] wire = MessageCodec.encode(n, SessionCapabilities.RFC4271);
        assertThat(MessageCodec.decode(wire, 0, wire.length, SessionCapabilities.RFC4271).orThrow()).isEqualTo(n);
    }

    static byte[] withHeader(int type, byte[] body) {
        byte[] msg = new byte[19 + body.length];
        java.util.Arrays.fill(msg, 0, 16, (byte) 0xff);
        msg[16] = (byte) (msg.length >>> 8);
        msg[17] = (byte) msg.length;
        msg[18] = (byte) type;
        System.arraycopy(body, 0, msg, 19, body.length);
        return msg;
    }
}
