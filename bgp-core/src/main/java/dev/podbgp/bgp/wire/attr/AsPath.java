package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * AS_PATH (RFC 4271 §5.1.2) with 4-octet AS numbers (RFC 6793) and confederation
 * segments (RFC 5065). Always held with 4-octet numbers; a session without the 4-octet
 * capability gets AS_TRANS here and the real path in AS4_PATH, written by
 * {@link PathAttributes}.
 */
public record AsPath(List<AsPathSegment> segments) implements PathAttribute {

    /** RFC 6793 §9: stands in for a 4-octet AS number on 2-octet sessions. */
    public static final int AS_TRANS = 23456;

    public static final AsPath EMPTY = new AsPath(List.of());

    /**
     * Canonical form: a run of adjacent AS_SEQUENCE (or AS_CONFED_SEQUENCE) segments means one
     * sequence (RFC 4271 §5.1.2), so it is held as that sequence cut into 255-AS segments from
     * the left. Two paths that mean the same then compare equal, however a peer split them.
     */
    public AsPath {
        segments = needsCanonicalForm(segments) ? canonical(segments) : List.copyOf(segments);
    }

    private static boolean needsCanonicalForm(List<AsPathSegment> segments) {
        for (int i = 1; i < segments.size(); i++) {
            AsPathSegment.Type t = segments.get(i).type();
            if (!t.isSet() && t == segments.get(i - 1).type()) {
                return true;
            }
        }
        return false;
    }

    private static List<AsPathSegment> canonical(List<AsPathSegment> segments) {
        List<AsPathSegment> out = new ArrayList<>(segments.size());
        int i = 0;
        while (i < segments.size()) {
            AsPathSegment.Type type = segments.get(i).type();
            int j = i + 1;
            while (!type.isSet() && j < segments.size() && segments.get(j).type() == type) {
                j++;
            }
            if (j - i == 1) {
                out.add(segments.get(i));
            } else {
                int total = 0;
                for (int k = i; k < j; k++) {
                    total += segments.get(k).size();
                }
                int[] all = new int[total];
                int at = 0;
                for (int k = i; k < j; k++) {
                    int[] part = segments.get(k).rawAsns();
                    System.arraycopy(part, 0, all, at, part.length);
                    at += part.length;
                }
                for (int from = 0; from < total; from += AsPathSegment.MAX_ASNS) {
                    out.add(new AsPathSegment(type, java.util.Arrays.copyOfRange(all, from,
                            Math.min(total, from + AsPathSegment.MAX_ASNS))));
                }
            }
            i = j;
        }
        return List.copyOf(out);
    }

    /** A path of one AS_SEQUENCE, split in 255-AS segments as the wire requires. */
    public static AsPath ofSequence(long... asns) {
        List<AsPathSegment> segs = new ArrayList<>();
        for (int start = 0; start < asns.length; start += AsPathSegment.MAX_ASNS) {
            int n = Math.min(AsPathSegment.MAX_ASNS, asns.length - start);
            int[] chunk = new int[n];
            for (int i = 0; i < n; i++) {
                chunk[i] = checkedAsn(asns[start + i]);
            }
            segs.add(new AsPathSegment(AsPathSegment.Type.AS_SEQUENCE, chunk));
        }
        return new AsPath(segs);
    }

    static int checkedAsn(long asn) {
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS number " + asn + " is outside 0..4294967295");
        }
        return (int) asn;
    }

    /**
     * Parses segments of 2- or 4-octet AS numbers. RFC 7606 §7.2: an unknown segment
     * type, a segment that overruns the attribute, a lone trailing octet, or a zero-length
     * segment make the attribute malformed.
     */
    static DecodeResult<AsPath> decode(byte[] b, int off, int len, boolean fourOctet, AttributeType as) {
        int asnSize = fourOctet ? 4 : 2;
        int end = off + len;
        int count = 0;
        for (int p = off; p < end; ) {
            if (end - p < 2) {
                return AttributeErrors.malformed(as, BgpError.MALFORMED_AS_PATH, as + " ends inside a segment header");
            }
            int type = b[p] & 0xff;
            int n = b[p + 1] & 0xff;
            if (AsPathSegment.Type.of(type) == null) {
                return AttributeErrors.malformed(as, BgpError.MALFORMED_AS_PATH, as + " segment type " + type + " is unknown");
            }
            if (n == 0) {
                return AttributeErrors.malformed(as, BgpError.MALFORMED_AS_PATH, as + " has a zero-length segment");
            }
            p += 2 + n * asnSize;
            if (p > end) {
                return AttributeErrors.malformed(as, BgpError.MALFORMED_AS_PATH, as + " segment overruns the attribute");
            }
            count++;
        }
        if (count == 0) {
            return DecodeResult.ok(EMPTY);
        }
        AsPathSegment[] segs = new AsPathSegment[count];
        int p = off;
        for (int s = 0; s < count; s++) {
            AsPathSegment.Type type = AsPathSegment.Type.of(b[p] & 0xff);
            int n = b[p + 1] & 0xff;
            p += 2;
            int[] asns = new int[n];
            for (int i = 0; i < n; i++, p += asnSize) {
                asns[i] = fourOctet ? Bytes.s32(b, p) : Bytes.u16(b, p);
            }
            segs[s] = new AsPathSegment(type, asns);
        }
        return DecodeResult.ok(new AsPath(List.of(segs)));
    }

    static DecodeResult<PathAttribute> decodeAttribute(byte[] b, int off, int len, SessionCapabilities caps) {
        return switch (decode(b, off, len, caps.fourOctetAs(), AttributeType.AS_PATH)) {
            case DecodeResult.Ok<AsPath> ok -> DecodeResult.ok(ok.value());
            case DecodeResult.Malformed<AsPath> m -> DecodeResult.malformed(m.problem());
        };
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /**
     * Path length for best-path selection (RFC 4271 §9.1.2.2 a): an AS_SET counts as one,
     * confederation segments count as nothing (RFC 5065 §5.3).
     */
    public int length() {
        int n = 0;
        for (AsPathSegment s : segments) {
            switch (s.type()) {
                case AS_SEQUENCE -> n += s.size();
                case AS_SET -> n += 1;
                default -> { }
            }
        }
        return n;
    }

    public boolean contains(long asn) {
        for (AsPathSegment s : segments) {
            for (int a : s.rawAsns()) {
                if ((a & 0xFFFF_FFFFL) == asn) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The neighbouring AS: first AS of a leading AS_SEQUENCE, or -1. */
    public long firstAs() {
        return !segments.isEmpty() && segments.getFirst().type() == AsPathSegment.Type.AS_SEQUENCE
                ? segments.getFirst().asn(0) : -1;
    }

    /** The originating AS: last AS of a trailing AS_SEQUENCE, or -1. */
    public long originAs() {
        if (segments.isEmpty() || segments.getLast().type() != AsPathSegment.Type.AS_SEQUENCE) {
            return -1;
        }
        AsPathSegment last = segments.getLast();
        return last.asn(last.size() - 1);
    }

    /** This path with {@code asn} prepended to the leading AS_SEQUENCE (RFC 4271 §5.1.2 b). */
    public AsPath prepend(long asn) {
        int a = checkedAsn(asn);
        List<AsPathSegment> out = new ArrayList<>(segments.size() + 1);
        if (!segments.isEmpty() && segments.getFirst().type() == AsPathSegment.Type.AS_SEQUENCE
                && segments.getFirst().size() < AsPathSegment.MAX_ASNS) {
            int[] old = segments.getFirst().rawAsns();
            int[] merged = new int[old.length + 1];
            merged[0] = a;
            System.arraycopy(old, 0, merged, 1, old.length);
            out.add(new AsPathSegment(AsPathSegment.Type.AS_SEQUENCE, merged));
            out.addAll(segments.subList(1, segments.size()));
        } else {
            out.add(new AsPathSegment(AsPathSegment.Type.AS_SEQUENCE, new int[] {a}));
            out.addAll(segments);
        }
        return new AsPath(out);
    }

    /** True when a 2-octet session cannot carry this path without AS4_PATH (RFC 6793 §4.2.2). */
    public boolean needsAs4() {
        for (AsPathSegment s : segments) {
            for (int a : s.rawAsns()) {
                if ((a & 0xFFFF_FFFFL) > 0xFFFF) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Number of ASes as RFC 6793 §4.2.3 counts them when merging: sets count one, confederations none. */
    int as4CountingLength() {
        return length();
    }

    /**
     * RFC 6793 §4.2.3: rebuilds the real path from the 2-octet AS_PATH and the AS4_PATH of
     * an OLD speaker's UPDATE. When AS_PATH is shorter than AS4_PATH, AS4_PATH is ignored;
     * otherwise the leading extra ASes of AS_PATH are kept in front of AS4_PATH.
     */
    static AsPath mergeAs4(AsPath asPath, AsPath as4Path) {
        int keep = asPath.as4CountingLength() - as4Path.as4CountingLength();
        if (keep < 0) {
            return asPath;
        }
        List<AsPathSegment> out = new ArrayList<>();
        for (AsPathSegment s : asPath.segments) {
            if (keep == 0 && !s.type().isConfederation()) {
                break;
            }
            switch (s.type()) {
                case AS_SEQUENCE -> {
                    if (s.size() <= keep) {
                        out.add(s);
                        keep -= s.size();
                    } else {
                        out.add(new AsPathSegment(s.type(), java.util.Arrays.copyOf(s.rawAsns(), keep)));
                        keep = 0;
                    }
                }
                case AS_SET -> {
                    out.add(s);
                    keep -= 1;
                }
                default -> out.add(s); // confederation segments are not counted and stay in place
            }
        }
        out.addAll(as4Path.segments);
        return new AsPath(out);
    }

    /** The path without confederation segments: what AS4_PATH may carry (RFC 6793 §3). */
    AsPath withoutConfederation() {
        List<AsPathSegment> out = new ArrayList<>(segments.size());
        for (AsPathSegment s : segments) {
            if (!s.type().isConfederation()) {
                out.add(s);
            }
        }
        return out.size() == segments.size() ? this : new AsPath(out);
    }

    @Override
    public int typeCode() {
        return AttributeType.AS_PATH.code();
    }

    @Override
    public int flags() {
        return AttributeType.AS_PATH.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return encodedLength(caps.fourOctetAs());
    }

    int encodedLength(boolean fourOctet) {
        int n = 0;
        for (AsPathSegment s : segments) {
            n += 2 + s.size() * (fourOctet ? 4 : 2);
        }
        return n;
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        write(out, caps.fourOctetAs());
    }

    /** Writes the segments; on 2-octet sessions any AS above 65535 becomes AS_TRANS. */
    void write(WireWriter out, boolean fourOctet) {
        for (AsPathSegment s : segments) {
            out.u8(s.type().code()).u8(s.size());
            for (int a : s.rawAsns()) {
                if (fourOctet) {
                    out.u32(a & 0xFFFF_FFFFL);
                } else {
                    out.u16((a & 0xFFFF_FFFFL) > 0xFFFF ? AS_TRANS : a);
                }
            }
        }
    }

    /**
     * ExaBGP keeps four flat lists, not segments: every AS_SEQUENCE AS in "as-path", every
     * AS_SET AS in "as-set", and likewise for confederations. An empty path writes nothing;
     * otherwise "as-path" and "confederation-path" are always written, the sets when non-empty.
     */
    @Override
    public void appendJson(JsonOut json) {
        if (segments.isEmpty()) {
            return;
        }
        writeFlat(json, "as-path", AsPathSegment.Type.AS_SEQUENCE, true);
        writeFlat(json, "as-set", AsPathSegment.Type.AS_SET, false);
        writeFlat(json, "confederation-path", AsPathSegment.Type.AS_CONFED_SEQUENCE, true);
        writeFlat(json, "confederation-set", AsPathSegment.Type.AS_CONFED_SET, false);
    }

    private void writeFlat(JsonOut json, String name, AsPathSegment.Type type, boolean always) {
        boolean any = segments.stream().anyMatch(s -> s.type() == type);
        if (!any && !always) {
            return;
        }
        json.name(name).beginArray();
        for (AsPathSegment s : segments) {
            if (s.type() == type) {
                for (int i = 0; i < s.size(); i++) {
                    json.value(s.asn(i));
                }
            }
        }
        json.endArray();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (AsPathSegment s : segments) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(s);
        }
        return sb.toString();
    }
}
