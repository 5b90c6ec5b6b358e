package dev.podbgp.bgp.wire.capability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ratchet: every kind of capability the sealed interface permits has a sample here, and
 * each sample round-trips through its codec and renders as a JSON object with a name. A new
 * record without a sample fails this test.
 */
class CapabilitySweepTest {

    static final List<Capability> SAMPLES = List.of(
            new Multiprotocol(Family.IPV4_UNICAST),
            RouteRefreshCapability.INSTANCE,
            new ExtendedNextHop(List.of(ExtendedNextHop.Entry.of(Family.IPV4_UNICAST, Family.AFI_IPV6))),
            ExtendedMessage.INSTANCE,
            new GracefulRestart(0, 120, List.of(new GracefulRestart.Entry(Family.IPV6_UNICAST, 0x80))),
            new FourOctetAs(65001),
            new AddPath(List.of(new AddPath.Entry(Family.IPV4_UNICAST, AddPath.SEND))),
            EnhancedRouteRefresh.INSTANCE,
            new LongLivedGracefulRestart(List.of(new LongLivedGracefulRestart.Entry(Family.IPV4_UNICAST, 0, 60))),
            new Fqdn("n", "d"),
            CiscoRouteRefresh.INSTANCE,
            new UnknownCapability(77, Bytes.fromHex("01")));

    @Test
    void everyCapabilityKindHasASample() {
        assertThat(SAMPLES.stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(records(Capability.class));
    }

    /** The records a sealed type permits, through sealed sub-interfaces such as {@link EmptyCapability}. */
    static List<Class<?>> records(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .flatMap(c -> c.isSealed() ? records(c).stream() : Stream.of(c)).toList();
    }

    @Test
    void everySampleRoundTripsAndRendersAsANamedObject() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Capability c : SAMPLES) {
            byte[] tlv = CapabilityTest.encode(c);
            assertThat(tlv[0] & 0xff).isEqualTo(c.code());
            assertThat(Capability.decode(c.code(), tlv, 2, tlv[1] & 0xff).orThrow()).as(c.toString()).isEqualTo(c);
            JsonOut out = new JsonOut();
            c.appendJson(out);
            JsonNode node = json.readTree(out.toString());
            assertThat(node.get("name").asText()).as(c.toString()).isNotEmpty();
        }
    }
}
