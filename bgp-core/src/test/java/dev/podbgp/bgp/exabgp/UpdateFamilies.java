package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.Family;
import java.util.HashSet;
import java.util.Set;

/**
 * The families an UPDATE carries NLRI for: IPv4 unicast for the classic fields (RFC 4271 §4.3),
 * the AFI/SAFI of each MP_REACH (14) / MP_UNREACH (15) (RFC 4760 §3-4). A lenient scan for the
 * oracle's batching; it stops quietly at the first inconsistency.
 */
final class UpdateFamilies {
    private UpdateFamilies() {}

    static Set<Family> of(byte[] message) {
        Set<Family> families = new HashSet<>();
        int o = 19;
        if (message.length < o + 4) {
            return families;
        }
        int withdrawn = Bytes.u16(message, o);
        o += 2;
        if (withdrawn > 0) {
            families.add(Family.IPV4_UNICAST);
        }
        o += withdrawn;
        if (o + 2 > message.length) {
            return families;
        }
        int attrsLength = Bytes.u16(message, o);
        o += 2;
        int end = Math.min(message.length, o + attrsLength);
        if (end < message.length) {
            families.add(Family.IPV4_UNICAST);
        }
        while (o + 3 <= end) {
            int flags = Bytes.u8(message, o);
            int code = Bytes.u8(message, o + 1);
            boolean extended = (flags & 0x10) != 0;
            if (extended && o + 4 > end) {
                break;
            }
            int length = extended ? Bytes.u16(message, o + 2) : Bytes.u8(message, o + 2);
            int value = o + (extended ? 4 : 3);
            if ((code == 14 || code == 15) && value + 3 <= end) {
                families.add(Family.of(Bytes.u16(message, value), Bytes.u8(message, value + 2)));
            }
            o = value + length;
        }
        return families;
    }
}
