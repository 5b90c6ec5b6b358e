package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Graceful restart (RFC 4724 §3): 4 restart flags, a 12-bit restart time in seconds, then
 * one (AFI, SAFI, flags) tuple per family whose forwarding state the speaker keeps.
 *
 * @param restartFlags the 4 high bits of the first two octets: {@link #RESTART_STATE} (R),
 *                     {@link #NOTIFICATION} (N, RFC 8538 §2); other bits kept as received
 * @param restartTime  seconds, 0..4095
 */
public record GracefulRestart(int restartFlags, int restartTime, List<Entry> entries) implements Capability {

    /** R bit, RFC 4724 §3: the speaker has restarted. */
    public static final int RESTART_STATE = 0x8;
    /** N bit, RFC 8538 §2: graceful restart also covers NOTIFICATION messages. */
    public static final int NOTIFICATION = 0x4;
    /** Per-family F bit, RFC 4724 §3: forwarding state was preserved across the restart. */
    public static final int FORWARDING_STATE = 0x80;

    private static final int ENTRY_LENGTH = 4;

    /** One family and its flags octet (F bit {@link #FORWARDING_STATE}). */
    public record Entry(Family family, int flags) {
        public Entry {
            if (flags >>> 8 != 0) {
                throw new IllegalArgumentException("flags " + flags + " do not fit one octet");
            }
        }

        public boolean forwardingState() {
            return (flags & FORWARDING_STATE) != 0;
        }
    }

    public GracefulRestart {
        entries = List.copyOf(entries);
        if (restartFlags >>> 4 != 0 || restartTime >>> 12 != 0) {
            throw new IllegalArgumentException("restart flags " + restartFlags + " / time " + restartTime + " out of range");
        }
        if (2 + entries.size() * ENTRY_LENGTH > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(entries.size() + " graceful restart families do not fit one capability");
        }
    }

    static DecodeResult<Capability> decode(byte[] buf, int off, int len) {
        if (len < 2 || (len - 2) % ENTRY_LENGTH != 0) {
            return Capability.malformed(GRACEFUL_RESTART, len, "RFC 4724 §3 value is 2 octets then 4-octet tuples");
        }
        int head = Bytes.u16(buf, off);
        List<Entry> entries = new ArrayList<>((len - 2) / ENTRY_LENGTH);
        for (int p = off + 2; p < off + len; p += ENTRY_LENGTH) {
            entries.add(new Entry(Family.of(Bytes.u16(buf, p), Bytes.u8(buf, p + 2)), Bytes.u8(buf, p + 3)));
        }
        return DecodeResult.ok(new GracefulRestart(head >>> 12, head & 0x0fff, entries));
    }

    public boolean restartState() {
        return (restartFlags & RESTART_STATE) != 0;
    }

    /** This capability with the R bit set or cleared, everything else as it is. */
    public GracefulRestart withRestartState(boolean restarted) {
        int flags = restarted ? restartFlags | RESTART_STATE : restartFlags & ~RESTART_STATE;
        return flags == restartFlags ? this : new GracefulRestart(flags, restartTime, entries);
    }

    public boolean notification() {
        return (restartFlags & NOTIFICATION) != 0;
    }

    @Override
    public int code() {
        return GRACEFUL_RESTART;
    }

    @Override
    public int valueLength() {
        return 2 + entries.size() * ENTRY_LENGTH;
    }

    @Override
    public void writeValue(WireWriter out) {
        out.u16(restartFlags << 12 | restartTime);
        for (Entry e : entries) {
            out.u16(e.family.afi()).u8(e.family.safi()).u8(e.flags);
        }
    }

    @Override
    public void appendJson(JsonOut out) {
        appendJson(out, List.of(this));
    }

    /**
     * ExaBGP folds repeated capabilities into one: flags and time of the last, families in
     * order of first appearance with the last flags seen. ExaBGP also swaps two names: the
     * per-family F bit prints as {@code "restart"} and the R bit as {@code "forwarding"}.
     */
    static void appendJson(JsonOut out, List<GracefulRestart> all) {
        GracefulRestart last = all.getLast();
        Map<Family, Integer> families = new LinkedHashMap<>();
        all.forEach(c -> c.entries.forEach(e -> families.put(e.family, e.flags)));
        out.beginObject().field("name", "graceful restart").field("time", last.restartTime);
        out.name("address-family-flags").beginObject();
        families.forEach((family, flags) -> {
            out.name(Multiprotocol.slashName(family)).beginArray();
            if ((flags & FORWARDING_STATE) != 0) {
                out.value("restart");
            }
            out.endArray();
        });
        out.endObject().name("restart-flags").beginArray();
        if (last.restartState()) {
            out.value("forwarding");
        }
        out.endArray().endObject();
    }
}
