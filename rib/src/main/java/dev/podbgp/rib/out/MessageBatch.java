package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.message.UpdatePacker;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects withdrawals and announcements, then encodes them: withdrawals first, so a receiver
 * never holds a replaced and a new route at once longer than needed; announcements grouped by
 * identical attributes and next hop, so each group fills as few UPDATEs as the session allows.
 * Prefixes keep the order they were added in.
 */
final class MessageBatch {

    private record Packing(Family family, PathAttributes attributes, IpAddress nextHop, Ipv6Address linkLocal) {
    }

    private final Map<Family, List<NlriEntry>> withdrawals = new LinkedHashMap<>();
    private final Map<Packing, List<NlriEntry>> announcements = new LinkedHashMap<>();

    void withdraw(Prefix prefix) {
        withdrawals.computeIfAbsent(OutboundRules.familyOf(prefix), f -> new ArrayList<>()).add(NlriEntry.of(prefix));
    }

    void announce(Prefix prefix, Advert advert) {
        announcements.computeIfAbsent(new Packing(OutboundRules.familyOf(prefix), advert.attributes(), advert.nextHop(),
                advert.linkLocalNextHop()),
                k -> new ArrayList<>()).add(NlriEntry.of(prefix));
    }

    boolean isEmpty() {
        return withdrawals.isEmpty() && announcements.isEmpty();
    }

    /** The messages, in order; {@code tail} (End-of-RIB markers) go last. */
    List<byte[]> encode(SessionCapabilities caps, Encoder encoder, List<Update> tail) {
        List<byte[]> out = new ArrayList<>();
        withdrawals.forEach((family, entries) -> {
            for (Update u : UpdatePacker.withdraw(family, entries, caps)) {
                out.add(encoder.encode(u, caps));
            }
        });
        announcements.forEach((k, entries) -> {
            for (Update u : UpdatePacker.announce(k.family(), k.attributes(), k.nextHop(), k.linkLocal(), entries, caps)) {
                out.add(encoder.encode(u, caps));
            }
        });
        for (Update u : tail) {
            out.add(encoder.encode(u, caps));
        }
        return out;
    }
}
