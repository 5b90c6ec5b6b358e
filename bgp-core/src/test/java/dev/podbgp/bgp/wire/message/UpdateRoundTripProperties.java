package dev.podbgp.bgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.RandomUpdates;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class UpdateRoundTripProperties {

    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
    static final SessionCapabilities OLD = SessionCapabilities.RFC4271;
    static final SessionCapabilities ADD_PATH = SessionCapabilities.FOUR_OCTET_AS.withAddPath(BOTH, BOTH);

    static void assertRoundTrip(Update u, SessionCapabilities caps) {
        WireWriter w = new WireWriter(u.bodyLength(caps));
        u.writeBody(w, caps);
        byte[] body = w.toByteArray();
        DecodeResult<Update> back = Update.decodeBody(body, 0, body.length, caps);
        assertThat(back).isEqualTo(DecodeResult.ok(u));
    }

    @Property(tries = 300)
    void fourOctetSessionsRoundTrip(@ForAll("modern") Update u) {
        assertRoundTrip(u, SessionCapabilities.FOUR_OCTET_AS);
    }

    @Property(tries = 300)
    void twoOctetSessionsRoundTripThroughAs4Path(@ForAll("old") Update u) {
        assertRoundTrip(u, OLD);
    }

    @Property(tries = 300)
    void addPathSessionsRoundTrip(@ForAll("addPath") Update u) {
        assertRoundTrip(u, ADD_PATH);
    }

    @Provide
    Arbitrary<Update> modern() {
        return RandomUpdates.updates(SessionCapabilities.FOUR_OCTET_AS, true);
    }

    @Provide
    Arbitrary<Update> old() {
        return RandomUpdates.updates(OLD, true);
    }

    @Provide
    Arbitrary<Update> addPath() {
        return RandomUpdates.updates(ADD_PATH, true);
    }
}
