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
    /** The generators put IPv6 next hops on IPv4 NLRI (RFC 8950), which a session reads only once negotiated. */
    static final Set<Family> RFC8950 = Set.of(Family.IPV4_UNICAST);
    static final SessionCapabilities MODERN = SessionCapabilities.FOUR_OCTET_AS.withExtendedNextHop(RFC8950);
    static final SessionCapabilities OLD = SessionCapabilities.RFC4271.withExtendedNextHop(RFC8950);
    static final SessionCapabilities ADD_PATH = MODERN.withAddPath(BOTH, BOTH);

    static void assertRoundTrip(Update u, SessionCapabilities caps) {
        WireWriter w = new WireWriter(u.bodyLength(caps));
        u.writeBody(w, caps);
        byte[] body = w.toByteArray();
        DecodeResult<Update> back = Update.decodeBody(body, 0, body.length, caps);
        assertThat(back).isEqualTo(DecodeResult.ok(u));
    }

    @Property(tries = 300)
    void fourOctetSessionsRoundTrip(@ForAll("modern") Update u) {
        assertRoundTrip(u, MODERN);
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
        return RandomUpdates.updates(MODERN, true);
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
