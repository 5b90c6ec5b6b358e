package dev.podbgp.bench;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import java.util.SplittableRandom;

/**
 * UPDATE messages as a full-table feed sends them: many IPv4 /24s per message under one set
 * of attributes (ORIGIN, a 3-5 AS 4-octet AS_PATH, NEXT_HOP, MED, COMMUNITIES). The messages
 * are framed (19-octet header) and encoded with podbgp's own encoder, so the benchmark reads
 * exactly what the decoder accepts.
 */
final class UpdateStream {
    static final int HEADER = 19;
    /** A 4-octet AS session without ADD-PATH; 1,000 /24s still fit the 4096-octet limit. */
    static final SessionCapabilities CAPS = SessionCapabilities.FOUR_OCTET_AS;

    private UpdateStream() {}

    /** {@code count} distinct messages of {@code prefixes} /24s each, from a fixed seed. */
    static byte[][] messages(int count, int prefixes) {
        SplittableRandom random = new SplittableRandom(20240601);
        byte[][] out = new byte[count][];
        int next = 0x0A000000; // 10.0.0.0, then onwards /24 by /24
        for (int m = 0; m < count; m++) {
            Nlri.Builder nlri = Nlri.builder(Family.IPV4_UNICAST, false);
            for (int i = 0; i < prefixes; i++, next += 256) {
                nlri.add(new Ipv4Prefix(next, 24));
            }
            long[] path = new long[3 + random.nextInt(3)];
            for (int i = 0; i < path.length; i++) {
                path[i] = i == 0 ? 65001 : 64512 + random.nextInt(1000) + (random.nextBoolean() ? 4_200_000_000L : 0);
            }
            PathAttributes attributes = PathAttributes.of(
                    Origin.IGP,
                    AsPath.ofSequence(path),
                    new NextHop(new Ipv4Address(0xC0000201 + m % 4)),
                    new MultiExitDisc(random.nextInt(1000)),
                    Communities.of(Communities.community(65001, 100), Communities.community(65001, random.nextInt(1 << 16))));
            Nlri none = Nlri.empty(Family.IPV4_UNICAST, false);
            out[m] = frame(new Update(none, attributes, nlri.build()));
        }
        return out;
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
