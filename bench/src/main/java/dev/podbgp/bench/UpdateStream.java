package dev.podbgp.bench;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.MpUnreachNlri;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttribute;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.util.SplittableRandom;

/**
 * UPDATE messages as a full-table feed sends them: many prefixes per message under one set of
 * attributes (ORIGIN, a 3-5 AS 4-octet AS_PATH, NEXT_HOP or MP_REACH_NLRI, MED, COMMUNITIES),
 * and the withdrawals of the same prefixes. IPv4 prefixes are the /24s from 10.0.0.0 upwards,
 * IPv6 ones the /48s from 2a10::/48 upwards, both numbered from 0. The messages are framed
 * (19-octet header) and encoded with podbgp's own encoder, so the benchmark reads exactly what
 * the decoder accepts.
 */
final class UpdateStream {
    static final int HEADER = 19;
    /** A 4-octet AS session without ADD-PATH; 1,000 /24s still fit the 4096-octet limit. */
    static final SessionCapabilities CAPS = SessionCapabilities.FOUR_OCTET_AS;
    /** /48s per IPv6 message: 7 octets each plus about 90 of attributes stay inside 4,096. */
    static final int IPV6_PER_MESSAGE = 500;
    private static final int FIRST_IPV4 = 0x0A000000;
    private static final long FIRST_IPV6_HIGH = 0x2a10L << 48;
    private static final long DEFAULT_SEED = 20240601;

    private UpdateStream() {}

    /** {@code count} distinct messages of {@code prefixes} /24s each, from a fixed seed (the single-feeder stream). */
    static byte[][] messages(int count, int prefixes) {
        return ipv4(new Source(DEFAULT_SEED, 65001, 0xC0000201), 0, count, prefixes);
    }

    /**
     * Who sends the stream: {@code seed} picks the AS paths and MEDs (two feeders with different
     * seeds send the same prefixes with different attributes), {@code firstAs} heads every
     * AS_PATH (the feeder's own AS), and the messages' next hops are four consecutive addresses
     * from {@code nextHop} (IPv4) or the one IPv6 address {@code nextHop6}.
     */
    record Source(long seed, long firstAs, int nextHop, Ipv6Address nextHop6) {
        Source(long seed, long firstAs, int nextHop) {
            this(seed, firstAs, nextHop, null);
        }
    }

    /** {@code count} messages of {@code perMessage} /24s, the first being /24 number {@code first}. */
    static byte[][] ipv4(Source source, int first, int count, int perMessage) {
        SplittableRandom random = new SplittableRandom(source.seed());
        byte[][] out = new byte[count][];
        Nlri none = Nlri.empty(Family.IPV4_UNICAST, false);
        for (int m = 0; m < count; m++) {
            Nlri nlri = ipv4Block(first + m * perMessage, perMessage);
            PathAttributes attributes = attributes(random, source,
                    new NextHop(new Ipv4Address(source.nextHop() + m % 4)));
            out[m] = frame(new Update(none, attributes, nlri));
        }
        return out;
    }

    /** The withdrawals of {@link #ipv4}'s prefixes, {@code perMessage} per UPDATE. */
    static byte[][] ipv4Withdrawals(int first, int count, int perMessage) {
        byte[][] out = new byte[count][];
        Nlri none = Nlri.empty(Family.IPV4_UNICAST, false);
        for (int m = 0; m < count; m++) {
            out[m] = frame(new Update(ipv4Block(first + m * perMessage, perMessage), PathAttributes.EMPTY, none));
        }
        return out;
    }

    /** {@code count} messages of {@code perMessage} /48s in MP_REACH_NLRI, the first being /48 number {@code first}. */
    static byte[][] ipv6(Source source, int first, int count, int perMessage) {
        SplittableRandom random = new SplittableRandom(source.seed() ^ 0x6666);
        byte[][] out = new byte[count][];
        Nlri none = Nlri.empty(Family.IPV4_UNICAST, false);
        for (int m = 0; m < count; m++) {
            MpReachNlri reach = new MpReachNlri(Family.IPV6_UNICAST, source.nextHop6(), null,
                    ipv6Block(first + m * perMessage, perMessage));
            out[m] = frame(new Update(none, attributes(random, source, reach), none));
        }
        return out;
    }

    /** The withdrawals of {@link #ipv6}'s prefixes in MP_UNREACH_NLRI. */
    static byte[][] ipv6Withdrawals(int first, int count, int perMessage) {
        byte[][] out = new byte[count][];
        Nlri none = Nlri.empty(Family.IPV4_UNICAST, false);
        for (int m = 0; m < count; m++) {
            MpUnreachNlri unreach = new MpUnreachNlri(Family.IPV6_UNICAST, ipv6Block(first + m * perMessage, perMessage));
            out[m] = frame(new Update(none, PathAttributes.of(unreach), none));
        }
        return out;
    }

    /** IPv4 /24 number {@code index}: 10.0.0.0/24 is 0. */
    static int ipv4Bits(int index) {
        return FIRST_IPV4 + (index << 8);
    }

    private static Nlri ipv4Block(int first, int count) {
        Nlri.Builder nlri = Nlri.builder(Family.IPV4_UNICAST, false);
        for (int i = 0; i < count; i++) {
            nlri.add(new Ipv4Prefix(ipv4Bits(first + i), 24));
        }
        return nlri.build();
    }

    private static Nlri ipv6Block(int first, int count) {
        Nlri.Builder nlri = Nlri.builder(Family.IPV6_UNICAST, false);
        for (int i = 0; i < count; i++) {
            Prefix p = new Ipv6Prefix(FIRST_IPV6_HIGH | (long) (first + i) << 16, 0, 48);
            nlri.add(p);
        }
        return nlri.build();
    }

    private static PathAttributes attributes(SplittableRandom random, Source source, PathAttribute nextHop) {
        long[] path = new long[3 + random.nextInt(3)];
        for (int i = 0; i < path.length; i++) {
            path[i] = i == 0 ? source.firstAs() : 64512 + random.nextInt(1000) + (random.nextBoolean() ? 4_200_000_000L : 0);
        }
        return PathAttributes.of(
                Origin.IGP,
                AsPath.ofSequence(path),
                nextHop,
                new MultiExitDisc(random.nextInt(1000)),
                Communities.of(Communities.community((int) source.firstAs(), 100),
                        Communities.community((int) source.firstAs(), random.nextInt(1 << 16))));
    }

    private static byte[] frame(Update update) {
        int length = HEADER + update.bodyLength(CAPS);
        if (length > CAPS.maxMessageSize()) {
            throw new IllegalStateException("UPDATE of " + length + " octets exceeds " + CAPS.maxMessageSize());
        }
        WireWriter out = new WireWriter(length);
        for (int i = 0; i < 16; i++) {
            out.u8(0xff);
        }
        out.u16(length).u8(update.type().code());
        update.writeBody(out, CAPS);
        return out.toByteArray();
    }
}
