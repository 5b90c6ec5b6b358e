package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Long-lived graceful restart (RFC 9494 §3.1): per family a flags octet (F bit: forwarding
 * state preserved) and a 24-bit long-lived stale time in seconds.
 */
public record LongLivedGracefulRestart(List<Entry> entries) implements Capability {

    /** F bit, RFC 9494 §3.1. */
    public static final int FORWARDING_STATE = 0x80;

    private static final int ENTRY_LENGTH = 7;

    public record Entry(Family family, int flags, int staleTime) {
        public Entry {
            if (flags >>> 8 != 0 || staleTime >>> 24 != 0) {
                throw new IllegalArgumentException("flags " + flags + " / stale time " + staleTime + " out of range");
            }
        }

        public boolean forwardingState() {
            return (flags & FORWARDING_STATE) != 0;
        }
    }

    public LongLivedGracefulRestart {
        entries = List.copyOf(entries);
        if (entries.size() * ENTRY_LENGTH > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(entries.size() + " LLGR families do not fit one capability");
        }
    }

    static DecodeResult<Capability> decode(byte[] buf, int off, int len) {
        if (len % ENTRY_LENGTH != 0) {
            return Capability.malformed(LONG_LIVED_GRACEFUL_RESTART, len, "RFC 9494 §3.1 value is 7-octet tuples");
        }
        List<Entry> entries = new ArrayList<>(len / ENTRY_LENGTH);
        for (int p = off; p < off + len; p += ENTRY_LENGTH) {
            int stale = Bytes.u8(buf, p + 4) << 16 | Bytes.u16(buf, p + 5);
            entries.add(new Entry(Family.of(Bytes.u16(buf, p), Bytes.u8(buf, p + 2)), Bytes.u8(buf, p + 3), stale));
        }
        return DecodeResult.ok(new LongLivedGracefulRestart(entries));
    }

    @Override
    public int code() {
        return LONG_LIVED_GRACEFUL_RESTART;
    }

    @Override
    public int valueLength() {
        return entries.size() * ENTRY_LENGTH;
    }

    @Override
    public void writeValue(WireWriter out) {
        for (Entry e : entries) {
            out.u16(e.family.afi()).u8(e.family.safi()).u8(e.flags).u8(e.staleTime >>> 16).u16(e.staleTime & 0xffff);
        }
    }

    /** ExaBGP 4.2 has no class for code 71 and prints it as an unknown capability. */
    @Override
    public void appendJson(JsonOut out) {
        WireWriter w = new WireWriter(valueLength());
        writeValue(w);
        UnknownCapability.appendJson(out, code(), w.toByteArray());
    }
}
