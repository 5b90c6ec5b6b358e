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

/** ADD-PATH (RFC 7911 §4): per family, whether the speaker can send and/or receive path ids. */
public record AddPath(List<Entry> entries) implements Capability {

    public static final int RECEIVE = 1;
    public static final int SEND = 2;
    public static final int BOTH = 3;

    private static final int ENTRY_LENGTH = 4;

    /**
     * One family. {@code sendReceive} is kept as received; RFC 7911 §4 defines 1..3 and says a
     * capability with any other value is ignored, which negotiation does.
     */
    public record Entry(Family family, int sendReceive) {
        public Entry {
            if (sendReceive >>> 8 != 0) {
                throw new IllegalArgumentException("send/receive " + sendReceive + " does not fit one octet");
            }
        }

        public boolean canReceive() {
            return sendReceive == RECEIVE || sendReceive == BOTH;
        }

        public boolean canSend() {
            return sendReceive == SEND || sendReceive == BOTH;
        }
    }

    public AddPath {
        entries = List.copyOf(entries);
        if (entries.size() * ENTRY_LENGTH > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(entries.size() + " ADD-PATH families do not fit one capability");
        }
    }

    static DecodeResult<Capability> decode(byte[] buf, int off, int len) {
        if (len % ENTRY_LENGTH != 0) {
            return Capability.malformed(ADD_PATH, len, "RFC 7911 §4 value is 4-octet tuples");
        }
        List<Entry> entries = new ArrayList<>(len / ENTRY_LENGTH);
        for (int p = off; p < off + len; p += ENTRY_LENGTH) {
            entries.add(new Entry(Family.of(Bytes.u16(buf, p), Bytes.u8(buf, p + 2)), Bytes.u8(buf, p + 3)));
        }
        return DecodeResult.ok(new AddPath(entries));
    }

    /** RFC 7911 §4: a value outside 1..3 makes the whole capability one to ignore. */
    public boolean isWellFormed() {
        return entries.stream().allMatch(e -> e.sendReceive >= RECEIVE && e.sendReceive <= BOTH);
    }

    @Override
    public int code() {
        return ADD_PATH;
    }

    @Override
    public int valueLength() {
        return entries.size() * ENTRY_LENGTH;
    }

    @Override
    public void writeValue(WireWriter out) {
        for (Entry e : entries) {
            out.u16(e.family.afi()).u8(e.family.safi()).u8(e.sendReceive);
        }
    }

    @Override
    public void appendJson(JsonOut out) {
        appendJson(out, List.of(this));
    }

    /** ExaBGP folds repeated capabilities into one: families by first appearance, last value wins. */
    static void appendJson(JsonOut out, List<AddPath> all) {
        Map<Family, Integer> families = new LinkedHashMap<>();
        all.forEach(c -> c.entries.forEach(e -> families.put(e.family, e.sendReceive)));
        out.beginObject().field("name", "addpath");
        families.forEach((family, sr) -> out.field(Multiprotocol.slashName(family), jsonName(sr)));
        out.endObject();
    }

    private static String jsonName(int sendReceive) {
        return switch (sendReceive) {
            case 0 -> "disabled";
            case RECEIVE -> "receive";
            case SEND -> "send";
            case BOTH -> "send/receive";
            // ExaBGP 4.2 fails on other values; name them rather than fail.
            default -> "unknown " + sendReceive;
        };
    }
}
