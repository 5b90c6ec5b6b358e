package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Extended next hop encoding (RFC 8950 §3): the NLRI families for which the speaker accepts
 * a next hop of another address family, typically IPv4 unicast over an IPv6 next hop.
 */
public record ExtendedNextHop(List<Entry> entries) implements Capability {

    private static final int ENTRY_LENGTH = 6;

    /** RFC 8950 §3 tuple; the NLRI SAFI is a 2-octet field here, unlike elsewhere. */
    public record Entry(int nlriAfi, int nlriSafi, int nextHopAfi) {
        public Entry {
            if ((nlriAfi | nlriSafi | nextHopAfi) >>> 16 != 0) {
                throw new IllegalArgumentException("AFI/SAFI out of range in " + nlriAfi + "/" + nlriSafi + "/" + nextHopAfi);
            }
        }

        public static Entry of(Family nlri, int nextHopAfi) {
            return new Entry(nlri.afi(), nlri.safi(), nextHopAfi);
        }

        /** The NLRI family, or {@code null} when the SAFI does not fit the usual one octet. */
        public Family nlriFamily() {
            return nlriSafi > 0xff ? null : Family.of(nlriAfi, nlriSafi);
        }
    }

    public ExtendedNextHop {
        entries = List.copyOf(entries);
        if (entries.size() * ENTRY_LENGTH > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(entries.size() + " extended next hop entries do not fit one capability");
        }
    }

    static DecodeResult<Capability> decode(byte[] buf, int off, int len) {
        if (len % ENTRY_LENGTH != 0) {
            return Capability.malformed(EXTENDED_NEXT_HOP, len, "RFC 8950 §3 value is 6-octet tuples");
        }
        List<Entry> entries = new ArrayList<>(len / ENTRY_LENGTH);
        for (int p = off; p < off + len; p += ENTRY_LENGTH) {
            entries.add(new Entry(Bytes.u16(buf, p), Bytes.u16(buf, p + 2), Bytes.u16(buf, p + 4)));
        }
        return DecodeResult.ok(new ExtendedNextHop(entries));
    }

    @Override
    public int code() {
        return EXTENDED_NEXT_HOP;
    }

    @Override
    public int valueLength() {
        return entries.size() * ENTRY_LENGTH;
    }

    @Override
    public void writeValue(WireWriter out) {
        for (Entry e : entries) {
            out.u16(e.nlriAfi).u16(e.nlriSafi).u16(e.nextHopAfi);
        }
    }

    @Override
    public void appendJson(JsonOut out) {
        appendJson(out, entries);
    }

    /** ExaBGP folds repeated capabilities of one OPEN into one list, duplicates dropped. */
    static void appendJson(JsonOut out, Collection<Entry> entries) {
        out.beginObject().field("name", "nexthop").name("conversion").beginArray();
        for (Entry e : new LinkedHashSet<>(entries)) {
            // ExaBGP reads only the low octet of the NLRI SAFI.
            Family nlri = Family.of(e.nlriAfi, e.nlriSafi & 0xff);
            out.value(Multiprotocol.slashName(nlri) + "/" + Family.of(e.nextHopAfi, Family.SAFI_UNICAST).afiName());
        }
        out.endArray().endObject();
    }
}
