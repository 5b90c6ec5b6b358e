package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.MpUnreachNlri;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code "message"} value ExaBGP 4.2 writes for an UPDATE (JSON format "4.0.1"):
 * {@code { "update": { "attribute": {...}, "announce": {...}, "withdraw": {...} } }}, or
 * {@code { "eor": { "afi": ..., "safi": ... } }} for End-of-RIB. docs/exabgp-oracle.md has
 * every shape, each established against the real ExaBGP.
 */
public final class UpdateJson {
    private UpdateJson() {}

    /** Writes the value of {@code "message"} for an UPDATE as it came off the wire. */
    public static void appendMessage(JsonOut json, Update update) {
        appendMessage(json, update, false);
    }

    /**
     * Writes the value of {@code "message"}. An UPDATE that decoding {@code repaired} (RFC 7606)
     * is never an End-of-RIB, even when nothing is left of it: an UPDATE whose malformed
     * attributes made it treat-as-withdraw and that carried no prefixes prints {@code "update": {}}
     * (ExaBGP prints the attributes it parsed and an "error" key; docs/exabgp-compat.md §5).
     */
    public static void appendMessage(JsonOut json, Update update, boolean repaired) {
        Family eor = repaired ? null : update.endOfRibFamily();
        json.beginObject();
        if (eor != null) {
            json.name("eor").beginObject().field("afi", eor.afiName()).field("safi", eor.safiName()).endObject();
        } else {
            json.name("update");
            appendUpdate(json, update);
        }
        json.endObject();
    }

    /** Writes the {@code "update"} object: each of its three members only when non-empty. */
    public static void appendUpdate(JsonOut json, Update update) {
        json.beginObject();
        if (hasAttributeMembers(update)) {
            json.name("attribute").beginObject();
            update.attributes().appendJson(json);
            json.endObject();
        }
        Map<Family, Map<String, List<NlriEntry>>> announce = announced(update);
        if (!announce.isEmpty()) {
            json.name("announce").beginObject();
            announce.forEach((family, byNextHop) -> {
                json.name(family.toString()).beginObject();
                byNextHop.forEach((nextHop, entries) -> {
                    json.name(nextHop);
                    appendNlri(json, entries, family, update);
                });
                json.endObject();
            });
            json.endObject();
        }
        Map<Family, List<NlriEntry>> withdraw = withdrawn(update);
        if (!withdraw.isEmpty()) {
            json.name("withdraw").beginObject();
            withdraw.forEach((family, entries) -> {
                json.name(family.toString());
                appendNlri(json, entries, family, update);
            });
            json.endObject();
        }
        json.endObject();
    }

    /** NEXT_HOP, the MP attributes and an empty AS_PATH write no members; ExaBGP then omits "attribute". */
    private static boolean hasAttributeMembers(Update update) {
        JsonOut probe = new JsonOut();
        probe.beginObject();
        update.attributes().appendJson(probe);
        return !probe.endObject().toString().equals("{}");
    }

    /**
     * Announced prefixes by family, then by next hop in order of first appearance. The IPv4
     * NLRI field comes first (next hop from NEXT_HOP, {@code "no-nexthop"} without one), then
     * MP_REACH_NLRI. ExaBGP lists a prefix under each of a global and link-local next hop.
     */
    private static Map<Family, Map<String, List<NlriEntry>>> announced(Update u) {
        Map<Family, Map<String, List<NlriEntry>>> out = new LinkedHashMap<>();
        if (!u.nlri().isEmpty()) {
            NextHop nh = u.attributes().nextHop();
            add(out, Family.IPV4_UNICAST, nh == null ? "no-nexthop" : nh.address().toString(), u.nlri());
        }
        MpReachNlri mr = u.attributes().mpReach();
        if (mr != null && !mr.nlri().isEmpty()) {
            add(out, mr.family(), mr.nextHop().toString(), mr.nlri());
            if (mr.linkLocalNextHop() != null) {
                add(out, mr.family(), mr.linkLocalNextHop().toString(), mr.nlri());
            }
        }
        return out;
    }

    private static void add(Map<Family, Map<String, List<NlriEntry>>> out, Family f, String nextHop, Nlri nlri) {
        out.computeIfAbsent(f, k -> new LinkedHashMap<>()).computeIfAbsent(nextHop, k -> new ArrayList<>())
                .addAll(nlri.entries());
    }

    /** Withdrawn prefixes by family: the Withdrawn Routes field first, then MP_UNREACH_NLRI. */
    private static Map<Family, List<NlriEntry>> withdrawn(Update u) {
        Map<Family, List<NlriEntry>> out = new LinkedHashMap<>();
        if (!u.withdrawn().isEmpty()) {
            out.computeIfAbsent(Family.IPV4_UNICAST, k -> new ArrayList<>()).addAll(u.withdrawn().entries());
        }
        MpUnreachNlri mu = u.attributes().mpUnreach();
        if (mu != null && !mu.withdrawn().isEmpty()) {
            out.computeIfAbsent(mu.family(), k -> new ArrayList<>()).addAll(mu.withdrawn().entries());
        }
        return out;
    }

    /** {@code [ { "nlri": "10.0.0.0/24" }, ... ]}, with {@code "path-information"} under ADD-PATH. */
    private static void appendNlri(JsonOut json, List<NlriEntry> entries, Family family, Update u) {
        boolean pathIds = hasPathIds(family, u);
        json.beginArray();
        for (NlriEntry e : entries) {
            json.beginObject().field("nlri", e.prefix().toString());
            if (pathIds) {
                json.field("path-information", new Ipv4Address((int) e.pathId()).toString());
            }
            json.endObject();
        }
        json.endArray();
    }

    private static boolean hasPathIds(Family family, Update u) {
        if (family.equals(Family.IPV4_UNICAST) && (!u.nlri().isEmpty() || !u.withdrawn().isEmpty())) {
            return (!u.nlri().isEmpty() ? u.nlri() : u.withdrawn()).hasPathIds();
        }
        MpReachNlri mr = u.attributes().mpReach();
        if (mr != null && mr.family().equals(family)) {
            return mr.nlri().hasPathIds();
        }
        MpUnreachNlri mu = u.attributes().mpUnreach();
        return mu != null && mu.withdrawn().hasPathIds();
    }
}
