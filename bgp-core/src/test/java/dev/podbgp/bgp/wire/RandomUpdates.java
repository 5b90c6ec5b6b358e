package dev.podbgp.bgp.wire;

import dev.podbgp.bgp.wire.attr.Aggregator;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AsPathSegment;
import dev.podbgp.bgp.wire.attr.AtomicAggregate;
import dev.podbgp.bgp.wire.attr.ClusterList;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.ExtendedCommunities;
import dev.podbgp.bgp.wire.attr.LargeCommunities;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.MpUnreachNlri;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.OriginatorId;
import dev.podbgp.bgp.wire.attr.PathAttribute;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.attr.UnknownAttribute;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of valid UPDATEs for a session context: every attribute podbgp models,
 * both families, path identifiers, AS numbers of both widths. Shared by the round-trip
 * properties and the differential test against ExaBGP.
 *
 * <p>{@code small} keeps most messages under 256 octets (the ExaBGP oracle decodes those in
 * one batch; see docs/exabgp-oracle.md) while still producing some larger ones.
 */
public final class RandomUpdates {
    private RandomUpdates() {}

    /** The unknown optional transitive type codes used: none is known to ExaBGP or to us. */
    static final List<Integer> UNKNOWN_TYPES = List.of(99, 150, 201);

    public static Arbitrary<Update> updates(SessionCapabilities caps, boolean rfc8950) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, ipv4Announce(caps)),
                net.jqwik.api.Tuple.of(4, ipv6Announce(caps)),
                net.jqwik.api.Tuple.of(rfc8950 ? 2 : 0, ipv4ViaIpv6Announce(caps)),
                net.jqwik.api.Tuple.of(1, ipv4Withdraw(caps)),
                net.jqwik.api.Tuple.of(1, ipv6Withdraw(caps)),
                net.jqwik.api.Tuple.of(1, mixed(caps)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Update.endOfRib(Family.IPV4_UNICAST),
                        Update.endOfRib(Family.IPV6_UNICAST))));
    }

    static Arbitrary<Update> ipv4Announce(SessionCapabilities caps) {
        return Combinators.combine(attributes(caps), ipv4Address(), nlri(Family.IPV4_UNICAST, caps))
                .as((attrs, nh, nlri) -> new Update(noV4(caps), attrs.with(new NextHop(nh)), nlri));
    }

    static Arbitrary<Update> ipv6Announce(SessionCapabilities caps) {
        return Combinators.combine(attributes(caps), ipv6Address(), linkLocal(), nlri(Family.IPV6_UNICAST, caps))
                .as((attrs, nh, ll, nlri) -> new Update(noV4(caps),
                        attrs.with(new MpReachNlri(Family.IPV6_UNICAST, nh, ll, nlri)), noV4(caps)));
    }

    static Arbitrary<Update> ipv4ViaIpv6Announce(SessionCapabilities caps) {
        return Combinators.combine(attributes(caps), ipv6Address(), nlri(Family.IPV4_UNICAST, caps))
                .as((attrs, nh, nlri) -> new Update(noV4(caps),
                        attrs.with(new MpReachNlri(Family.IPV4_UNICAST, nh, null, nlri)), noV4(caps)));
    }

    static Arbitrary<Update> ipv4Withdraw(SessionCapabilities caps) {
        return nlri(Family.IPV4_UNICAST, caps).map(n -> new Update(n, PathAttributes.EMPTY, noV4(caps)));
    }

    static Arbitrary<Update> ipv6Withdraw(SessionCapabilities caps) {
        return nlri(Family.IPV6_UNICAST, caps).map(n -> new Update(noV4(caps),
                PathAttributes.of(new MpUnreachNlri(Family.IPV6_UNICAST, n)), noV4(caps)));
    }

    /** What others may send and we must read: withdrawals and announcements of both families at once. */
    static Arbitrary<Update> mixed(SessionCapabilities caps) {
        return Combinators.combine(attributes(caps), ipv4Address(), nlri(Family.IPV4_UNICAST, caps),
                        nlri(Family.IPV4_UNICAST, caps), ipv6Address(), nlri(Family.IPV6_UNICAST, caps),
                        nlri(Family.IPV6_UNICAST, caps))
                .as((attrs, nh4, w4, a4, nh6, w6, a6) -> new Update(w4, attrs.with(new NextHop(nh4))
                        .with(new MpReachNlri(Family.IPV6_UNICAST, nh6, null, a6))
                        .with(new MpUnreachNlri(Family.IPV6_UNICAST, w6)), a4));
    }

    static Nlri noV4(SessionCapabilities caps) {
        return Nlri.empty(Family.IPV4_UNICAST, caps.receivesPathIds(Family.IPV4_UNICAST));
    }

    static Arbitrary<Nlri> nlri(Family family, SessionCapabilities caps) {
        boolean pathIds = caps.receivesPathIds(family);
        Arbitrary<? extends dev.podbgp.inet.Prefix> prefix = family.equals(Family.IPV4_UNICAST) ? ipv4Prefix() : ipv6Prefix();
        Arbitrary<Long> pathId = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 20)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 0xFFFF_FFFFL)));
        return Combinators.combine(prefix, pathId).as((p, id) -> new Object[] {p, id})
                .list().ofMinSize(1).ofMaxSize(6)
                .map(list -> {
                    Nlri.Builder b = Nlri.builder(family, pathIds);
                    for (Object[] e : list) {
                        b.add(pathIds ? (Long) e[1] : 0, (dev.podbgp.inet.Prefix) e[0]);
                    }
                    return b.build();
                });
    }

    static Arbitrary<Ipv4Prefix> ipv4Prefix() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(16, 32)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 32))))
                .as(Ipv4Prefix::masked);
    }

    static Arbitrary<Ipv6Prefix> ipv6Prefix() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(32, 64)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 128))))
                .as(Ipv6Prefix::masked);
    }

    static Arbitrary<Ipv4Address> ipv4Address() {
        return Arbitraries.integers().map(Ipv4Address::new);
    }

    static Arbitrary<IpAddress> ipv6Address() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(Ipv6Address::new);
    }

    static Arbitrary<Ipv6Address> linkLocal() {
        return Arbitraries.longs().map(low -> new Ipv6Address(0xfe80_0000_0000_0000L, low)).injectNull(0.5);
    }

    /** ORIGIN and AS_PATH always (announcements need them), the rest at random. */
    static Arbitrary<PathAttributes> attributes(SessionCapabilities caps) {
        List<Arbitrary<? extends PathAttribute>> optional = List.of(
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(MultiExitDisc::new),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(LocalPref::new),
                Arbitraries.just(AtomicAggregate.INSTANCE),
                aggregator(caps),
                Arbitraries.integers().array(int[].class).ofMinSize(1).ofMaxSize(4).map(Communities::new),
                ipv4Address().map(OriginatorId::new),
                Arbitraries.integers().array(int[].class).ofMinSize(1).ofMaxSize(3).map(ClusterList::new),
                extendedCommunity().list().ofMinSize(1).ofMaxSize(3)
                        .map(l -> new ExtendedCommunities(l.stream().mapToLong(Long::longValue).toArray())),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).list().ofMinSize(1).ofMaxSize(2)
                        .flatMap(l -> Arbitraries.longs().between(0, 0xFFFF_FFFFL).list().ofSize(2 * l.size())
                                .map(rest -> {
                                    long[] v = new long[3 * l.size()];
                                    for (int i = 0; i < l.size(); i++) {
                                        v[3 * i] = l.get(i);
                                        v[3 * i + 1] = rest.get(2 * i);
                                        v[3 * i + 2] = rest.get(2 * i + 1);
                                    }
                                    return LargeCommunities.of(v);
                                })),
                Combinators.combine(Arbitraries.of(0xC0, 0xE0), Arbitraries.of(UNKNOWN_TYPES),
                                Arbitraries.bytes().array(byte[].class).ofMaxSize(6))
                        .as(UnknownAttribute::new));
        Arbitrary<List<PathAttribute>> chosen = Arbitraries.integers().between(0, (1 << optional.size()) - 1)
                .flatMap(mask -> {
                    List<Arbitrary<? extends PathAttribute>> picked = new ArrayList<>();
                    for (int i = 0; i < optional.size(); i++) {
                        // Keep about three optional attributes per UPDATE on average.
                        if ((mask >> i & 1) == 1 && Integer.bitCount(mask) <= 4) {
                            picked.add(optional.get(i));
                        }
                    }
                    return combineAll(picked);
                });
        return Combinators.combine(Arbitraries.of(Origin.class), asPath(caps), chosen).as((origin, path, rest) -> {
            List<PathAttribute> all = new ArrayList<>(rest);
            all.add(origin);
            all.add(path);
            return PathAttributes.of(all);
        }).filter(a -> caps.fourOctetAs() || a.aggregator() == null || !a.asPath().needsAs4());
        // RFC 6793 §4.2.3: on 2-octet sessions a 2-octet AGGREGATOR makes the receiver ignore
        // AS4_PATH, so a 4-octet path cannot survive next to one; not a case to generate.
    }

    private static Arbitrary<List<PathAttribute>> combineAll(List<Arbitrary<? extends PathAttribute>> parts) {
        Arbitrary<List<PathAttribute>> acc = Arbitraries.just(List.of());
        for (Arbitrary<? extends PathAttribute> part : parts) {
            Arbitrary<List<PathAttribute>> prev = acc;
            acc = Combinators.combine(prev, part).as((l, a) -> {
                List<PathAttribute> out = new ArrayList<>(l);
                out.add(a);
                return out;
            });
        }
        return acc;
    }

    static Arbitrary<Long> asn(boolean fourOctet) {
        return fourOctet
                ? Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 65535)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(65536, 0xFFFF_FFFFL)))
                : Arbitraries.longs().between(1, 65535);
    }

    /**
     * AS paths. On 2-octet sessions, 4-octet AS numbers travel as AS_TRANS plus AS4_PATH;
     * ExaBGP merges those on flattened lists, so such paths are kept to one AS_SEQUENCE
     * (where both merges agree); sets and confederation segments use 2-octet numbers there.
     */
    static Arbitrary<AsPath> asPath(SessionCapabilities caps) {
        Arbitrary<AsPath> sequence = asn(true).list().ofMinSize(0).ofMaxSize(5)
                .map(l -> AsPath.ofSequence(l.stream().mapToLong(Long::longValue).toArray()));
        Arbitrary<AsPathSegment> segment = Combinators.combine(Arbitraries.of(AsPathSegment.Type.class),
                        asn(caps.fourOctetAs()).list().ofMinSize(1).ofMaxSize(4))
                .as((t, l) -> new AsPathSegment(t, l.stream().mapToInt(Long::intValue).toArray()));
        Arbitrary<AsPath> segments = segment.list().ofMinSize(1).ofMaxSize(3).map(AsPath::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, sequence), net.jqwik.api.Tuple.of(1, segments));
    }

    /**
     * On 2-octet sessions only 2-octet aggregators: ExaBGP reads AS4_AGGREGATOR with the session
     * width and prints two "aggregator" keys (docs/exabgp-oracle.md).
     */
    static Arbitrary<Aggregator> aggregator(SessionCapabilities caps) {
        return Combinators.combine(asn(caps.fourOctetAs()), ipv4Address()).as(Aggregator::new);
    }

    /** Extended communities of the types ExaBGP names, plus some it does not. */
    static Arbitrary<Long> extendedCommunity() {
        List<Supplier<Arbitrary<Long>>> kinds = List.of(
                () -> typed(0x0002, Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)),
                () -> typed(0x0102, Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)),
                () -> typed(0x0202, Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)),
                () -> typed(0x4002, Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)),
                () -> typed(0x0003, Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)),
                () -> typed(0x0103, Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)),
                () -> typed(0x0203, Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)),
                // flowspec traffic-rate with a whole number of bytes per second
                () -> Combinators.combine(Arbitraries.longs().between(0, 0xFFFF), Arbitraries.integers().between(0, 1_000_000))
                        .as((as, rate) -> 0x8006L << 48 | as << 32 | (Float.floatToIntBits(rate) & 0xFFFF_FFFFL)),
                () -> typed(0x8007, Arbitraries.longs().between(0, 3)),
                () -> typed(0x8008, Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)),
                () -> typed(0x8009, Arbitraries.longs().between(0, 63)),
                () -> typed(0x030C, Arbitraries.of(0L, 1L, 2L, 7L, 8L, 9L, 10L, 12L, 13L, 99L)),
                () -> Combinators.combine(Arbitraries.of(0L, 1L), Arbitraries.longs().between(0, 0xFFFF_FFFFL))
                        .as((sticky, seq) -> 0x0600L << 48 | sticky << 40 | seq),
                () -> typed(0x4004, Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)),
                () -> typed(0x0000, Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)),
                () -> typed(0x4399, Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)));
        return Arbitraries.integers().between(0, kinds.size() - 1).flatMap(i -> kinds.get(i).get());
    }

    private static Arbitrary<Long> typed(int typeAndSubtype, Arbitrary<Long> low48) {
        return low48.map(v -> (long) typeAndSubtype << 48 | v);
    }
}
