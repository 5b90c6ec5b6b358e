package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The path attributes of one UPDATE, at most one per type code, kept in type-code order,
 * the order ExaBGP renders them in JSON. {@link #write} puts the MP attributes first.
 */
public final class PathAttributes {

    public static final PathAttributes EMPTY = new PathAttributes(new PathAttribute[0]);

    private final PathAttribute[] sorted;
    // The type codes of sorted, in order: get() runs on every route the RIB takes in and in
    // every best-path comparison, and typeCode() through the sealed interface is a megamorphic
    // call per element (a third of the RIB's load time with 4-attribute sets, measured by JFR).
    private final byte[] codes;

    private PathAttributes(PathAttribute[] sorted) {
        this.sorted = sorted;
        this.codes = new byte[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            codes[i] = (byte) sorted[i].typeCode();
        }
    }

    public static PathAttributes of(PathAttribute... attributes) {
        return of(List.of(attributes));
    }

    /** Sorts by type code; a type given twice is a programming error. */
    public static PathAttributes of(List<? extends PathAttribute> attributes) {
        PathAttribute[] a = attributes.toArray(new PathAttribute[0]);
        Arrays.sort(a, (x, y) -> Integer.compare(x.typeCode(), y.typeCode()));
        for (int i = 1; i < a.length; i++) {
            if (a[i].typeCode() == a[i - 1].typeCode()) {
                throw new IllegalArgumentException("attribute type " + a[i].typeCode() + " given twice");
            }
        }
        return new PathAttributes(a);
    }

    public List<PathAttribute> asList() {
        return List.of(sorted);
    }

    public int size() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    public PathAttribute get(int typeCode) {
        for (int i = 0; i < codes.length; i++) {
            int code = codes[i] & 0xff;
            if (code == typeCode) {
                return sorted[i];
            }
            if (code > typeCode) {
                break;
            }
        }
        return null;
    }

    public boolean has(int typeCode) {
        return get(typeCode) != null;
    }

    public Origin origin() {
        return (Origin) get(AttributeType.ORIGIN.code());
    }

    public AsPath asPath() {
        return (AsPath) get(AttributeType.AS_PATH.code());
    }

    public NextHop nextHop() {
        return (NextHop) get(AttributeType.NEXT_HOP.code());
    }

    public MultiExitDisc med() {
        return (MultiExitDisc) get(AttributeType.MULTI_EXIT_DISC.code());
    }

    public LocalPref localPref() {
        return (LocalPref) get(AttributeType.LOCAL_PREF.code());
    }

    public Aggregator aggregator() {
        return (Aggregator) get(AttributeType.AGGREGATOR.code());
    }

    public Communities communities() {
        return (Communities) get(AttributeType.COMMUNITIES.code());
    }

    public OriginatorId originatorId() {
        return (OriginatorId) get(AttributeType.ORIGINATOR_ID.code());
    }

    public ClusterList clusterList() {
        return (ClusterList) get(AttributeType.CLUSTER_LIST.code());
    }

    public MpReachNlri mpReach() {
        return (MpReachNlri) get(AttributeType.MP_REACH_NLRI.code());
    }

    public MpUnreachNlri mpUnreach() {
        return (MpUnreachNlri) get(AttributeType.MP_UNREACH_NLRI.code());
    }

    public ExtendedCommunities extendedCommunities() {
        return (ExtendedCommunities) get(AttributeType.EXTENDED_COMMUNITIES.code());
    }

    public LargeCommunities largeCommunities() {
        return (LargeCommunities) get(AttributeType.LARGE_COMMUNITIES.code());
    }

    /** These attributes with {@code attribute} added, or replacing the one of its type. */
    public PathAttributes with(PathAttribute attribute) {
        List<PathAttribute> out = new ArrayList<>(sorted.length + 1);
        for (PathAttribute a : sorted) {
            if (a.typeCode() != attribute.typeCode()) {
                out.add(a);
            }
        }
        out.add(attribute);
        return of(out);
    }

    public PathAttributes without(int typeCode) {
        if (!has(typeCode)) {
            return this;
        }
        return new PathAttributes(Arrays.stream(sorted).filter(a -> a.typeCode() != typeCode)
                .toArray(PathAttribute[]::new));
    }

    /** The attributes a route keeps: everything but the MP_REACH/MP_UNREACH carriers of NLRI. */
    public PathAttributes withoutNlri() {
        return without(AttributeType.MP_REACH_NLRI.code()).without(AttributeType.MP_UNREACH_NLRI.code());
    }

    // ---- encoding ----

    private static int headerLength(int valueLength) {
        return valueLength > 255 ? 4 : 3;
    }

    private static boolean needsAs4Path(AsPath p, SessionCapabilities caps) {
        return p != null && !caps.fourOctetAs() && p.needsAs4();
    }

    private static boolean needsAs4Aggregator(Aggregator a, SessionCapabilities caps) {
        return a != null && !caps.fourOctetAs() && a.needsAs4();
    }

    /** Octets of the whole attribute section, headers included. */
    public int encodedLength(SessionCapabilities caps) {
        int n = 0;
        for (PathAttribute a : sorted) {
            int v = a.valueLength(caps);
            n += headerLength(v) + v;
        }
        AsPath path = asPath();
        if (needsAs4Path(path, caps)) {
            int v = path.withoutConfederation().encodedLength(true);
            n += headerLength(v) + v;
        }
        if (needsAs4Aggregator(aggregator(), caps)) {
            n += 3 + 8;
        }
        return n;
    }

    private static boolean isMp(PathAttribute a) {
        return a instanceof MpReachNlri || a instanceof MpUnreachNlri;
    }

    /**
     * Writes the section: MP_REACH_NLRI / MP_UNREACH_NLRI first, as RFC 7606 §5.1 requires so
     * a receiver can still find the NLRI when a later attribute is malformed; then the rest
     * in type-code order; the extended-length flag only where a value exceeds 255 octets.
     * On 2-octet sessions, AS4_PATH and AS4_AGGREGATOR (RFC 6793 §4.2.2) are added in their
     * type-code places when the path or aggregator needs them.
     */
    public void write(WireWriter out, SessionCapabilities caps) {
        for (PathAttribute a : sorted) {
            if (isMp(a)) {
                writeOne(out, a, caps);
            }
        }
        AsPath as4Path = needsAs4Path(asPath(), caps) ? asPath().withoutConfederation() : null;
        Aggregator as4Aggregator = needsAs4Aggregator(aggregator(), caps) ? aggregator() : null;
        for (PathAttribute a : sorted) {
            if (isMp(a)) {
                continue;
            }
            if (as4Path != null && a.typeCode() > AttributeType.AS4_PATH.code()) {
                writeAs4Path(out, as4Path);
                as4Path = null;
            }
            if (as4Aggregator != null && a.typeCode() > AttributeType.AS4_AGGREGATOR.code()) {
                writeAs4Aggregator(out, as4Aggregator);
                as4Aggregator = null;
            }
            writeOne(out, a, caps);
        }
        if (as4Path != null) {
            writeAs4Path(out, as4Path);
        }
        if (as4Aggregator != null) {
            writeAs4Aggregator(out, as4Aggregator);
        }
    }

    private static void writeOne(WireWriter out, PathAttribute a, SessionCapabilities caps) {
        writeHeader(out, a.flags(), a.typeCode(), a.valueLength(caps));
        a.writeValue(out, caps);
    }

    private static void writeHeader(WireWriter out, int flags, int type, int valueLength) {
        if (valueLength > 255) {
            out.u8(flags | AttributeType.FLAG_EXTENDED_LENGTH).u8(type).u16(valueLength);
        } else {
            out.u8(flags).u8(type).u8(valueLength);
        }
    }

    private static void writeAs4Path(WireWriter out, AsPath path) {
        writeHeader(out, AttributeType.AS4_PATH.flags(), AttributeType.AS4_PATH.code(), path.encodedLength(true));
        path.write(out, true);
    }

    private static void writeAs4Aggregator(WireWriter out, Aggregator a) {
        writeHeader(out, AttributeType.AS4_AGGREGATOR.flags(), AttributeType.AS4_AGGREGATOR.code(), 8);
        a.write(out, true);
    }

    // ---- decoding ----

    /**
     * Parses an attribute section (RFC 4271 §4.3) with RFC 7606 error handling. Problems that
     * the UPDATE survives (attribute discard, treat-as-withdraw) come back in
     * {@link DecodeResult.Ok#repaired()}, the attribute in question left out; the UPDATE
     * decoder turns treat-as-withdraw into withdrawals. Session-reset problems are Malformed.
     */
    public static DecodeResult<PathAttributes> decode(byte[] b, int off, int len, SessionCapabilities caps) {
        return new SectionParser(b, off, len, caps).parse();
    }

    private static final class SectionParser {
        private final byte[] b;
        private final int off;
        private final int end;
        private final SessionCapabilities caps;
        private final long[] seen = new long[4];
        private final List<PathAttribute> out = new ArrayList<>(8);
        private List<Malformation> repaired = List.of();
        private AsPath as4Path;
        private Aggregator as4Aggregator;

        SectionParser(byte[] b, int off, int len, SessionCapabilities caps) {
            this.b = b;
            this.off = off;
            this.end = off + len;
            this.caps = caps;
        }

        DecodeResult<PathAttributes> parse() {
            int p = off;
            while (p < end) {
                int flags = b[p] & 0xff;
                boolean extended = (flags & AttributeType.FLAG_EXTENDED_LENGTH) != 0;
                int header = extended ? 4 : 3;
                if (end - p < header) {
                    // RFC 7606 §4: too few octets left for an attribute header.
                    note(Malformation.treatAsWithdraw(BgpError.MALFORMED_ATTRIBUTE_LIST, null,
                            "attribute section ends inside an attribute header"));
                    break;
                }
                int type = b[p + 1] & 0xff;
                int valueLength = extended ? Bytes.u16(b, p + 2) : Bytes.u8(b, p + 2);
                if (p + header + valueLength > end) {
                    // RFC 7606 §4: the attribute overruns the section; the NLRI field is still
                    // found through the total length, so treat-as-withdraw is possible.
                    note(Malformation.treatAsWithdraw(BgpError.ATTRIBUTE_LENGTH_ERROR, null,
                            "attribute type " + type + " length " + valueLength + " overruns the attribute section"));
                    break;
                }
                Malformation fatal = one(p, flags, type, header, valueLength);
                if (fatal != null) {
                    return DecodeResult.malformed(fatal);
                }
                p += header + valueLength;
            }
            mergeAs4();
            PathAttribute[] a = out.toArray(new PathAttribute[0]);
            Arrays.sort(a, (x, y) -> Integer.compare(x.typeCode(), y.typeCode()));
            return DecodeResult.ok(new PathAttributes(a), repaired);
        }

        /** Parses one attribute; returns a session-reset problem, or null to go on. */
        private Malformation one(int p, int flags, int type, int header, int valueLength) {
            int v = p + header;
            if ((seen[type >>> 6] & 1L << type) != 0) {
                if (type == AttributeType.MP_REACH_NLRI.code() || type == AttributeType.MP_UNREACH_NLRI.code()) {
                    // RFC 7606 §3 g: a repeated MP attribute is fatal.
                    return Malformation.sessionReset(BgpError.MALFORMED_ATTRIBUTE_LIST,
                            "MP attribute type " + type + " appears twice");
                }
                // RFC 7606 §3 g: other repeats are dropped, the first occurrence kept.
                note(Malformation.discard(BgpError.MALFORMED_ATTRIBUTE_LIST, null,
                        "attribute type " + type + " appears twice; the first is kept"));
                return null;
            }
            seen[type >>> 6] |= 1L << type;
            AttributeType known = AttributeType.of(type);
            if (known == null) {
                if ((flags & AttributeType.FLAG_OPTIONAL) == 0) {
                    // RFC 4271 §6.3: an unrecognized well-known attribute.
                    return Malformation.sessionReset(BgpError.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE,
                            Bytes.copy(b, p, header + valueLength), "unrecognized well-known attribute type " + type);
                }
                if ((flags & AttributeType.FLAG_TRANSITIVE) != 0) {
                    out.add(new UnknownAttribute(flags, type, Bytes.copy(b, v, valueLength)));
                }
                // RFC 4271 §5: an unrecognized optional non-transitive attribute is quietly ignored.
                return null;
            }
            DecodeResult<?> result;
            if (known.flagsMatch(flags)) {
                result = decodeValue(known, v, valueLength);
            } else if (known.carriesNlri()) {
                // RFC 7606 §3 c, §3 j: the UPDATE is withdrawn, its MP prefixes with it, so the
                // value is still decoded; if it does not parse, that stronger problem wins.
                note(new Malformation(BgpError.ATTRIBUTE_FLAGS_ERROR, known.onBadFlags(),
                        Bytes.copy(b, p, header + valueLength), flagsReason(known, flags)));
                result = decodeValue(known, v, valueLength);
            } else {
                // RFC 7606 §3 c: wrong Optional/Transitive bits make the attribute malformed.
                result = DecodeResult.malformed(new Malformation(BgpError.ATTRIBUTE_FLAGS_ERROR, known.onBadFlags(),
                        null, flagsReason(known, flags)));
            }
            return switch (result) {
                case DecodeResult.Ok<?> ok -> {
                    switch (known) {
                        case AS4_PATH -> as4Path = (AsPath) ok.value();
                        case AS4_AGGREGATOR -> as4Aggregator = (Aggregator) ok.value();
                        default -> out.add((PathAttribute) ok.value());
                    }
                    yield null;
                }
                case DecodeResult.Malformed<?> m -> {
                    Malformation problem = m.problem();
                    if (problem.data().length == 0) {
                        // RFC 4271 §6.3: the NOTIFICATION data is the erroneous attribute.
                        problem = new Malformation(problem.error(), problem.action(),
                                Bytes.copy(b, p, header + valueLength), problem.reason());
                    }
                    if (problem.action() == ErrorAction.SESSION_RESET || problem.action() == ErrorAction.AFI_SAFI_DISABLE) {
                        yield problem;
                    }
                    note(problem);
                    yield null;
                }
            };
        }

        private static String flagsReason(AttributeType known, int flags) {
            return known + " has flags 0x" + Integer.toHexString(flags);
        }

        private DecodeResult<?> decodeValue(AttributeType type, int v, int len) {
            return switch (type) {
                case ORIGIN -> Origin.decode(b, v, len);
                case AS_PATH -> AsPath.decodeAttribute(b, v, len, caps);
                case NEXT_HOP -> NextHop.decode(b, v, len);
                case MULTI_EXIT_DISC -> MultiExitDisc.decode(b, v, len);
                case LOCAL_PREF -> LocalPref.decode(b, v, len);
                case ATOMIC_AGGREGATE -> AtomicAggregate.decode(len);
                case AGGREGATOR -> Aggregator.decode(b, v, len, caps.fourOctetAs(), type);
                case COMMUNITIES -> Communities.decode(b, v, len);
                case ORIGINATOR_ID -> OriginatorId.decode(b, v, len);
                case CLUSTER_LIST -> ClusterList.decode(b, v, len);
                case MP_REACH_NLRI -> MpReachNlri.decode(b, v, len, caps);
                case MP_UNREACH_NLRI -> MpUnreachNlri.decode(b, v, len, caps);
                case EXTENDED_COMMUNITIES -> ExtendedCommunities.decode(b, v, len);
                case AS4_PATH -> AsPath.decode(b, v, len, true, type);
                case AS4_AGGREGATOR -> Aggregator.decode(b, v, len, true, type);
                case LARGE_COMMUNITIES -> LargeCommunities.decode(b, v, len);
            };
        }

        private void note(Malformation m) {
            if (repaired.isEmpty()) {
                repaired = new ArrayList<>(2);
            }
            repaired.add(m);
        }

        /**
         * RFC 6793 §4.2.3: an OLD speaker's UPDATE carries the real path in AS4_PATH. When
         * AGGREGATOR names a real 2-octet AS (not AS_TRANS), the AS4 attributes are stale and
         * ignored. Between NEW speakers the AS4 attributes carry nothing and are dropped.
         * RFC 6793 §6: confederation segments in AS4_PATH are discarded before the merge.
         */
        private void mergeAs4() {
            if (caps.fourOctetAs() || (as4Path == null && as4Aggregator == null)) {
                return;
            }
            int aggIndex = indexOf(AttributeType.AGGREGATOR.code());
            if (aggIndex >= 0) {
                Aggregator agg = (Aggregator) out.get(aggIndex);
                if (agg.asn() != AsPath.AS_TRANS) {
                    return;
                }
                if (as4Aggregator != null) {
                    out.set(aggIndex, as4Aggregator);
                }
            }
            int pathIndex = indexOf(AttributeType.AS_PATH.code());
            if (as4Path != null && pathIndex >= 0) {
                out.set(pathIndex, AsPath.mergeAs4((AsPath) out.get(pathIndex), as4Path.withoutConfederation()));
            }
        }

        private int indexOf(int typeCode) {
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).typeCode() == typeCode) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The members of ExaBGP's {@code "attribute"} object, in type-code order. */
    public void appendJson(JsonOut json) {
        for (PathAttribute a : sorted) {
            a.appendJson(json);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathAttributes p && Arrays.equals(p.sorted, sorted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted);
    }

    @Override
    public String toString() {
        return Arrays.toString(sorted);
    }
}
