package dev.podbgp.bgp.wire.nlri;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prefixes of one family in wire encoding: {@code [path id (4)] length (1) prefix (ceil(length/8))}
 * per entry. A decoded instance is a validated view of the message bytes; a built one owns
 * its bytes. Either way prefixes are read through {@link #forEach} without allocation.
 */
public final class Nlri {
    private static final byte[] NONE = new byte[0];

    private final Family family;
    private final boolean pathIds;
    private final byte[] buf;
    private final int offset;
    private final int length;
    private final int count;

    private Nlri(Family family, boolean pathIds, byte[] buf, int offset, int length, int count) {
        this.family = family;
        this.pathIds = pathIds;
        this.buf = buf;
        this.offset = offset;
        this.length = length;
        this.count = count;
    }

    public static Nlri empty(Family family, boolean pathIds) {
        return new Nlri(family, pathIds, NONE, 0, 0, 0);
    }

    /** Octets one entry of this prefix length takes. */
    public static int entryLength(int prefixLength, boolean pathIds) {
        return (pathIds ? 5 : 1) + (prefixLength + 7) / 8;
    }

    /**
     * Checks {@code len} octets at {@code off} and wraps them without copying. An entry
     * longer than the family's address or running past the end makes the field unusable:
     * RFC 7606 §5.3 leaves only session reset, reported with the caller's {@code error}
     * (INVALID_NETWORK_FIELD for the UPDATE's own fields, OPTIONAL_ATTRIBUTE_ERROR in MP attributes).
     */
    public static DecodeResult<Nlri> decode(Family family, boolean pathIds, byte[] buf, int off, int len, BgpError error) {
        int maxBits = family.afi() == Family.AFI_IPV6 ? 128 : 32;
        int end = off + len;
        int n = 0;
        int p = off;
        while (p < end) {
            if (pathIds) {
                if (end - p < 5) {
                    return DecodeResult.malformed(Malformation.sessionReset(error, family + " NLRI ends inside a path identifier"));
                }
                p += 4;
            }
            int bits = buf[p] & 0xff;
            if (bits > maxBits) {
                return DecodeResult.malformed(Malformation.sessionReset(error,
                        family + " NLRI prefix length " + bits + " exceeds " + maxBits));
            }
            p += 1 + (bits + 7) / 8;
            if (p > end) {
                return DecodeResult.malformed(Malformation.sessionReset(error,
                        family + " NLRI entry of length /" + bits + " runs past the end of the field"));
            }
            n++;
        }
        return DecodeResult.ok(n == 0 ? empty(family, pathIds) : new Nlri(family, pathIds, buf, off, len, n));
    }

    public Family family() {
        return family;
    }

    public boolean hasPathIds() {
        return pathIds;
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Octets on the wire. */
    public int encodedLength() {
        return length;
    }

    public void writeTo(WireWriter out) {
        out.bytes(buf, offset, length);
    }

    /** Visits every prefix in wire order. */
    public void forEach(NlriVisitor visitor) {
        boolean v6 = family.afi() == Family.AFI_IPV6;
        int end = offset + length;
        int p = offset;
        while (p < end) {
            long pathId = 0;
            if (pathIds) {
                pathId = Bytes.u32(buf, p);
                p += 4;
            }
            int bits = buf[p++] & 0xff;
            int octets = (bits + 7) / 8;
            if (v6) {
                long hi = 0;
                long lo = 0;
                for (int i = 0; i < octets; i++) {
                    long octet = buf[p + i] & 0xffL;
                    if (i < 8) {
                        hi |= octet << (56 - 8 * i);
                    } else {
                        lo |= octet << (56 - 8 * (i - 8));
                    }
                }
                visitor.ipv6(pathId, hi & highMask(bits), lo & lowMask(bits), bits);
            } else {
                int a = 0;
                for (int i = 0; i < octets; i++) {
                    a |= (buf[p + i] & 0xff) << (24 - 8 * i);
                }
                visitor.ipv4(pathId, a & Ipv4Prefix.mask(bits), bits);
            }
            p += octets;
        }
    }

    private static long highMask(int bits) {
        return bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits);
    }

    private static long lowMask(int bits) {
        return bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
    }

    /** The entries as values: for tests, JSON and the CLI, not for hot paths. */
    public List<NlriEntry> entries() {
        List<NlriEntry> out = new ArrayList<>(count);
        forEach(new NlriVisitor() {
            @Override
            public void ipv4(long pathId, int bits, int len) {
                out.add(new NlriEntry(pathId, new Ipv4Prefix(bits, len)));
            }

            @Override
            public void ipv6(long pathId, long high, long low, int len) {
                out.add(new NlriEntry(pathId, new Ipv6Prefix(high, low, len)));
            }
        });
        return out;
    }

    public List<Prefix> prefixes() {
        return entries().stream().map(NlriEntry::prefix).toList();
    }

    public static Nlri of(Family family, Prefix... prefixes) {
        Builder b = builder(family, false);
        for (Prefix p : prefixes) {
            b.add(p);
        }
        return b.build();
    }

    public static Nlri of(Family family, boolean pathIds, List<NlriEntry> entries) {
        Builder b = builder(family, pathIds);
        for (NlriEntry e : entries) {
            b.add(e.pathId(), e.prefix());
        }
        return b.build();
    }

    /** This NLRI followed by {@code other}'s entries (same family and path-id mode). */
    public Nlri concat(Nlri other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        if (!other.family.equals(family) || other.pathIds != pathIds) {
            throw new IllegalArgumentException("cannot join " + family + " NLRI with " + other.family);
        }
        byte[] joined = new byte[length + other.length];
        System.arraycopy(buf, offset, joined, 0, length);
        System.arraycopy(other.buf, other.offset, joined, length, other.length);
        return new Nlri(family, pathIds, joined, 0, joined.length, count + other.count);
    }

    public static Builder builder(Family family, boolean pathIds) {
        return new Builder(family, pathIds);
    }

    /** Accumulates entries into wire bytes. */
    public static final class Builder {
        private final Family family;
        private final boolean pathIds;
        private byte[] buf = new byte[64];
        private int size;
        private int count;

        private Builder(Family family, boolean pathIds) {
            this.family = family;
            this.pathIds = pathIds;
        }

        public Builder add(Prefix prefix) {
            return add(0, prefix);
        }

        public Builder add(long pathId, Prefix prefix) {
            boolean v6 = family.afi() == Family.AFI_IPV6;
            if (v6 != (prefix instanceof Ipv6Prefix)) {
                throw new IllegalArgumentException(prefix + " is not a " + family + " prefix");
            }
            int need = entryLength(prefix.length(), pathIds);
            if (size + need > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + need));
            }
            WireWriter w = new WireWriter(buf, size);
            if (pathIds) {
                w.u32(pathId);
            }
            w.u8(prefix.length());
            byte[] addr = switch (prefix) {
                case Ipv4Prefix p -> new Ipv4Address(p.bits()).toBytes();
                case Ipv6Prefix p -> new Ipv6Address(p.high(), p.low()).toBytes();
            };
            w.bytes(addr, 0, (prefix.length() + 7) / 8);
            size += need;
            count++;
            return this;
        }

        public int encodedLength() {
            return size;
        }

        public int count() {
            return count;
        }

        public Nlri build() {
            return count == 0 ? empty(family, pathIds) : new Nlri(family, pathIds, Arrays.copyOf(buf, size), 0, size, count);
        }
    }

    /** Empty NLRI are equal whatever their path-id mode: no entry carries an identifier. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Nlri n && n.family.equals(family)
                && (count == 0 && n.count == 0 || n.pathIds == pathIds
                && Arrays.equals(n.buf, n.offset, n.offset + n.length, buf, offset, offset + length));
    }

    @Override
    public int hashCode() {
        int h = family.hashCode() * 31 + (count == 0 ? 0 : Boolean.hashCode(pathIds));
        for (int i = offset; i < offset + length; i++) {
            h = h * 31 + buf[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return family + (pathIds ? " (path ids)" : "") + " " + entries();
    }
}
