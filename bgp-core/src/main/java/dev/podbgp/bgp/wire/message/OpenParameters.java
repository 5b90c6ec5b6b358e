package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.capability.Capability;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional parameters area of an OPEN: the length field and the parameters after it, in
 * the RFC 4271 §4.2 form (one-octet lengths) or the RFC 9072 §2 extended form (two-octet
 * lengths, flagged by a first parameter type of 255).
 *
 * <p>Encoding packs the capabilities into as few capability parameters of at most 255
 * octets as it can (RFC 5492 §4 allows several capabilities per parameter) and switches to
 * the extended form only when the area would not fit 255 octets (RFC 9072 §2).
 */
final class OpenParameters {

    private static final int MAX_SHORT = 255;

    private OpenParameters() {}

    // ---- decode

    /** {@code off} is the Opt Parm Len octet; {@code len} runs to the end of the OPEN body. */
    static DecodeResult<List<Capability>> decode(byte[] buf, int off, int len) {
        int optLen = Bytes.u8(buf, off);
        // RFC 9072 §2: a non-zero length followed by type 255 announces two-octet lengths.
        boolean extended = optLen != 0 && len >= 2 && Bytes.u8(buf, off + 1) == OptionalParameter.EXTENDED_LENGTH;
        int start;
        int areaLen;
        if (extended) {
            if (len < 4) {
                return unspecific("extended optional parameters length (RFC 9072 §2) is truncated");
            }
            start = off + 4;
            areaLen = Bytes.u16(buf, off + 2);
            if (areaLen != len - 4) {
                return unspecific("extended optional parameters length " + areaLen + " but " + (len - 4) + " octets follow");
            }
        } else {
            start = off + 1;
            areaLen = optLen;
            if (areaLen != len - 1) {
                return unspecific("optional parameters length " + areaLen + " but " + (len - 1) + " octets follow");
            }
        }
        int headLen = extended ? 3 : 2;
        List<Capability> capabilities = new ArrayList<>();
        int p = start;
        int end = start + areaLen;
        while (p < end) {
            if (end - p < headLen) {
                return unspecific("optional parameter header truncated at octet " + (p - off));
            }
            int type = Bytes.u8(buf, p);
            int valueLen = extended ? Bytes.u16(buf, p + 1) : Bytes.u8(buf, p + 1);
            int value = p + headLen;
            if (valueLen > end - value) {
                return unspecific("optional parameter type " + type + " of " + valueLen + " octets overruns the OPEN");
            }
            if (type != OptionalParameter.CAPABILITIES) {
                return DecodeResult.malformed(Malformation.sessionReset(BgpError.UNSUPPORTED_OPTIONAL_PARAMETER,
                        "optional parameter type " + type + " (RFC 4271 §6.2)"));
            }
            DecodeResult<List<Capability>> failed = decodeCapabilities(buf, value, valueLen, capabilities);
            if (failed != null) {
                return failed;
            }
            p = value + valueLen;
        }
        return DecodeResult.ok(List.copyOf(capabilities));
    }

    /** Appends the capabilities of one parameter; returns the failure, or null when all decoded. */
    private static DecodeResult<List<Capability>> decodeCapabilities(byte[] buf, int off, int len, List<Capability> into) {
        int p = off;
        int end = off + len;
        while (p < end) {
            if (end - p < 2) {
                return unspecific("capability header truncated (RFC 5492 §4)");
            }
            int code = Bytes.u8(buf, p);
            int capLen = Bytes.u8(buf, p + 1);
            if (capLen > end - p - 2) {
                return unspecific("capability " + code + " of " + capLen + " octets overruns its parameter (RFC 5492 §4)");
            }
            switch (Capability.decode(code, buf, p + 2, capLen)) {
                case DecodeResult.Ok<Capability> ok -> into.add(ok.value());
                case DecodeResult.Malformed<Capability> bad -> {
                    return DecodeResult.malformed(bad.problem());
                }
            }
            p += 2 + capLen;
        }
        return null;
    }

    private static <T> DecodeResult<T> unspecific(String reason) {
        return DecodeResult.malformed(Malformation.sessionReset(BgpError.OPEN_UNSPECIFIC, reason));
    }

    // ---- encode

    /** Octets from the Opt Parm Len field to the end of the OPEN. */
    static int length(List<Capability> capabilities, List<OptionalParameter> others) {
        if (fitsShortForm(capabilities, others)) {
            return 1 + shortAreaLength(capabilities, others);
        }
        return 4 + extendedAreaLength(capabilities, others);
    }

    static void write(WireWriter out, List<Capability> capabilities, List<OptionalParameter> others) {
        if (fitsShortForm(capabilities, others)) {
            out.u8(shortAreaLength(capabilities, others));
            for (List<Capability> group : pack(capabilities)) {
                out.u8(OptionalParameter.CAPABILITIES).u8(encodedLength(group));
                group.forEach(c -> c.writeTo(out));
            }
            others.forEach(o -> out.u8(o.type()).u8(o.value().length).bytes(o.value()));
            return;
        }
        out.u8(MAX_SHORT).u8(OptionalParameter.EXTENDED_LENGTH).u16(extendedAreaLength(capabilities, others));
        if (!capabilities.isEmpty()) {
            out.u8(OptionalParameter.CAPABILITIES).u16(encodedLength(capabilities));
            capabilities.forEach(c -> c.writeTo(out));
        }
        others.forEach(o -> out.u8(o.type()).u16(o.value().length).bytes(o.value()));
    }

    private static boolean fitsShortForm(List<Capability> capabilities, List<OptionalParameter> others) {
        return others.stream().allMatch(o -> o.value().length <= MAX_SHORT)
                && capabilities.stream().allMatch(c -> c.encodedLength() <= MAX_SHORT)
                && shortAreaLength(capabilities, others) <= MAX_SHORT;
    }

    private static int shortAreaLength(List<Capability> capabilities, List<OptionalParameter> others) {
        int n = 0;
        for (List<Capability> group : pack(capabilities)) {
            n += 2 + encodedLength(group);
        }
        for (OptionalParameter o : others) {
            n += 2 + o.value().length;
        }
        return n;
    }

    private static int extendedAreaLength(List<Capability> capabilities, List<OptionalParameter> others) {
        int n = capabilities.isEmpty() ? 0 : 3 + encodedLength(capabilities);
        for (OptionalParameter o : others) {
            n += 3 + o.value().length;
        }
        if (n > 0xffff) {
            throw new IllegalArgumentException("optional parameters of " + n + " octets do not fit an OPEN");
        }
        return n;
    }

    /** Consecutive capabilities grouped into parameters whose values fit one length octet. */
    private static List<List<Capability>> pack(List<Capability> capabilities) {
        List<List<Capability>> groups = new ArrayList<>();
        List<Capability> current = new ArrayList<>();
        int size = 0;
        for (Capability c : capabilities) {
            if (size > 0 && size + c.encodedLength() > MAX_SHORT) {
                groups.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(c);
            size += c.encodedLength();
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static int encodedLength(List<Capability> capabilities) {
        int n = 0;
        for (Capability c : capabilities) {
            n += c.encodedLength();
        }
        return n;
    }
}
