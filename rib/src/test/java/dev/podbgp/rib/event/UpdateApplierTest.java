package dev.podbgp.rib.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.message.UpdatePacker;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.BestPathOptions;
import dev.podbgp.rib.PeerImport;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Rib;
import dev.podbgp.rib.Route;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Received UPDATEs, encoded and decoded as on the wire, turned into RIB announcements and withdrawals. */
class UpdateApplierTest {

    static final long LOCAL_AS = 65000;
    static final PathAttributes ATTRS = PathAttributes.of(Origin.IGP, AsPath.ofSequence(64512));
    static final PeerInfo TOR = new PeerInfo(1, IpAddress.parse("192.0.2.1"), 64512, Ipv4Address.parse("10.0.0.1"),
            false, false);

    private final Rib rib = new Rib(Ipv4Address.parse("10.255.0.1"), BestPathOptions.defaults(LOCAL_AS));
    private final UpdateApplier applier = new UpdateApplier(rib);

    UpdateApplierTest() {
        rib.addPeer(TOR, PeerImport.acceptAll(TOR, LOCAL_AS));
    }

    /** Encodes and decodes the UPDATE as a session would receive it. */
    static Update received(Update sent, SessionCapabilities caps) {
        WireWriter w = new WireWriter(sent.bodyLength(caps));
        sent.writeBody(w, caps);
        byte[] body = w.toByteArray();
        return switch (Update.decodeBody(body, 0, body.length, caps)) {
            case DecodeResult.Ok<Update> ok -> ok.value();
            case DecodeResult.Malformed<Update> m -> throw new AssertionError(m.problem().toString());
        };
    }

    static List<NlriEntry> entries(String... prefixes) {
        return java.util.Arrays.stream(prefixes).map(p -> NlriEntry.of(Prefix.parse(p))).toList();
    }

    private void apply(List<Update> updates, SessionCapabilities caps) {
        for (Update u : updates) {
            assertThat(applier.apply(TOR, received(u, caps))).isNull();
        }
    }

    @Test
    void rfc4271_s4_3_ipv4NlriFieldUsesTheNextHopAttribute() {
        SessionCapabilities caps = SessionCapabilities.FOUR_OCTET_AS;
        apply(UpdatePacker.announce(Family.IPV4_UNICAST, ATTRS, IpAddress.parse("192.0.2.1"), null,
                entries("203.0.113.0/24", "198.51.100.0/25"), caps), caps);

        Route r = rib.decision(Prefix.parse("198.51.100.0/25")).best();
        assertThat(r.nextHop()).isEqualTo(IpAddress.parse("192.0.2.1"));
        assertThat(r.attributes()).as("next hop kept in the route, not the attribute set").isEqualTo(ATTRS);
        assertThat(rib.routeCount(TOR)).isEqualTo(2);

        apply(UpdatePacker.withdraw(Family.IPV4_UNICAST, entries("203.0.113.0/24"), caps), caps);
        assertThat(rib.decision(Prefix.parse("203.0.113.0/24"))).isNull();
        assertThat(rib.routeCount(TOR)).isEqualTo(1);
    }

    @Test
    void rfc4760_s3_ipv6FromMpReachWithItsNextHopAndMpUnreachWithdraws() {
        SessionCapabilities caps = SessionCapabilities.FOUR_OCTET_AS;
        apply(UpdatePacker.announce(Family.IPV6_UNICAST, ATTRS, IpAddress.parse("2001:db8::1"), null,
                entries("2001:db8:1::/48", "2001:db8:2::/48"), caps), caps);
        assertThat(rib.decision(Ipv6Prefix.parse("2001:db8:2::/48")).best().nextHop())
                .isEqualTo(IpAddress.parse("2001:db8::1"));

        apply(UpdatePacker.withdraw(Family.IPV6_UNICAST, entries("2001:db8:1::/48"), caps), caps);
        assertThat(rib.decision(Ipv6Prefix.parse("2001:db8:1::/48"))).isNull();
        assertThat(rib.routeCount(TOR)).isEqualTo(1);
    }

    @Test
    void rfc2545_s3_theLinkLocalNextHopOfA32OctetNextHopIsKeptBesideTheGlobalOne() {
        SessionCapabilities caps = SessionCapabilities.FOUR_OCTET_AS;
        apply(UpdatePacker.announce(Family.IPV6_UNICAST, ATTRS, IpAddress.parse("2001:db8::1"),
                Ipv6Address.parse("fe80::a8c1:abff:fe00:1"), entries("2001:db8:1::/48"), caps), caps);
        Route r = rib.decision(Ipv6Prefix.parse("2001:db8:1::/48")).best();
        assertThat(r.nextHop()).isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(r.linkLocalNextHop()).isEqualTo(Ipv6Address.parse("fe80::a8c1:abff:fe00:1"));

        // A 16-octet next hop afterwards: the route has no link-local next hop any more.
        apply(UpdatePacker.announce(Family.IPV6_UNICAST, ATTRS, IpAddress.parse("2001:db8::1"), null,
                entries("2001:db8:1::/48"), caps), caps);
        assertThat(rib.decision(Ipv6Prefix.parse("2001:db8:1::/48")).best().linkLocalNextHop()).isNull();
    }

    @Test
    void rfc2545_s3_aSecondNextHopThatIsNotLinkLocalIsNotKept() {
        SessionCapabilities caps = SessionCapabilities.FOUR_OCTET_AS;
        apply(UpdatePacker.announce(Family.IPV6_UNICAST, ATTRS, IpAddress.parse("2001:db8::1"),
                Ipv6Address.parse("2001:db8::99"), entries("2001:db8:1::/48"), caps), caps);
        Route r = rib.decision(Ipv6Prefix.parse("2001:db8:1::/48")).best();
        assertThat(r.nextHop()).isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(r.linkLocalNextHop()).isNull();
    }

    @Test
    void rfc8950_ipv4PrefixesWithAnIpv6NextHop() {
        SessionCapabilities caps = SessionCapabilities.FOUR_OCTET_AS.withExtendedNextHop(Set.of(Family.IPV4_UNICAST));
        apply(UpdatePacker.announce(Family.IPV4_UNICAST, ATTRS, IpAddress.parse("fe80::1"), null,
                entries("203.0.113.0/24"), caps), caps);
        assertThat(rib.decision(Ipv4Prefix.parse("203.0.113.0/24")).best().nextHop())
                .isEqualTo(IpAddress.parse("fe80::1"));
    }

    @Test
    void rfc2545_s3_zeroGlobalNextHop_usesTheLinkLocalOne() {
        SessionCapabilities caps = SessionCapabilities.FOUR_OCTET_AS.withExtendedNextHop(Set.of(Family.IPV4_UNICAST));
        apply(UpdatePacker.announce(Family.IPV4_UNICAST, ATTRS, Ipv6Address.ANY, Ipv6Address.parse("fe80::2"),
                entries("203.0.113.0/24"), caps), caps);
        assertThat(rib.decision(Ipv4Prefix.parse("203.0.113.0/24")).best().nextHop()).isEqualTo(IpAddress.parse("fe80::2"));
    }

    @Test
    void rfc7911_addPathIdsKeepPathsApart() {
        SessionCapabilities caps = SessionCapabilities.FOUR_OCTET_AS
                .withAddPath(Set.of(Family.IPV4_UNICAST), Set.of(Family.IPV4_UNICAST));
        Prefix p = Prefix.parse("203.0.113.0/24");
        apply(UpdatePacker.announce(Family.IPV4_UNICAST, ATTRS, IpAddress.parse("192.0.2.1"), null,
                List.of(new NlriEntry(1, p)), caps), caps);
        apply(UpdatePacker.announce(Family.IPV4_UNICAST, PathAttributes.of(Origin.IGP, AsPath.ofSequence(64512, 1)),
                IpAddress.parse("192.0.2.9"), null, List.of(new NlriEntry(2, p)), caps), caps);
        assertThat(rib.routes(p)).extracting(Route::pathId).containsExactlyInAnyOrder(1, 2);

        apply(UpdatePacker.withdraw(Family.IPV4_UNICAST, List.of(new NlriEntry(1, p)), caps), caps);
        assertThat(rib.routes(p)).singleElement().extracting(Route::nextHop).isEqualTo(IpAddress.parse("192.0.2.9"));
    }

    @Test
    void rfc4724_s2_endOfRibIsDetectedForBothFormsAndSweepsStaleRoutes() {
        SessionCapabilities caps = SessionCapabilities.FOUR_OCTET_AS;
        apply(UpdatePacker.announce(Family.IPV4_UNICAST, ATTRS, IpAddress.parse("192.0.2.1"), null,
                entries("203.0.113.0/24"), caps), caps);
        apply(UpdatePacker.announce(Family.IPV6_UNICAST, ATTRS, IpAddress.parse("2001:db8::1"), null,
                entries("2001:db8:1::/48"), caps), caps);
        rib.peerRestarting(TOR, Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), Duration.ofSeconds(120), Map.of());

        assertThat(applier.apply(TOR, received(Update.endOfRib(Family.IPV6_UNICAST), caps)))
                .isEqualTo(Family.IPV6_UNICAST);
        assertThat(rib.routeCount(TOR)).isEqualTo(1);
        assertThat(applier.apply(TOR, received(Update.endOfRib(Family.IPV4_UNICAST), caps)))
                .isEqualTo(Family.IPV4_UNICAST);
        assertThat(rib.routeCount(TOR)).isZero();
    }

    @Test
    void rfc7606_s2_treatAsWithdrawRemovesThePrefixesOfAnUpdateMissingAsPath() {
        SessionCapabilities caps = SessionCapabilities.FOUR_OCTET_AS;
        apply(UpdatePacker.announce(Family.IPV4_UNICAST, ATTRS, IpAddress.parse("192.0.2.1"), null,
                entries("203.0.113.0/24"), caps), caps);
        apply(UpdatePacker.announce(Family.IPV4_UNICAST, PathAttributes.of(Origin.IGP), IpAddress.parse("192.0.2.1"),
                null, entries("203.0.113.0/24"), caps), caps);
        assertThat(rib.decision(Prefix.parse("203.0.113.0/24"))).isNull();
    }
}
