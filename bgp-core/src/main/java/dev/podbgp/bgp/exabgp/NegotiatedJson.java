package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code "negotiated"} block ExaBGP 4.2 writes for API processes that asked for {@code negotiated}: what both
 * OPENs agreed on, as the session uses it.
 *
 * @param messageSize     4096, or 65535 with the extended message capability (RFC 8654)
 * @param refresh         {@code "absent"}, {@code "normal"} or {@code "enhanced"} (RFC 2918, RFC 7313)
 * @param families        negotiated families, in order
 * @param extendedNextHop families whose next hop may be of the other address family (RFC 8950), each with that
 *                        family: ExaBGP prints them as {@code "ipv4 unicast ipv6"}
 * @param addPathSend     families in which we send path ids (RFC 7911)
 * @param addPathReceive  families in which we receive path ids
 */
public record NegotiatedJson(int messageSize, int holdTime, boolean asn4, String refresh, List<Family> families,
                             List<Family> extendedNextHop, List<Family> addPathSend, List<Family> addPathReceive) {

    public NegotiatedJson {
        families = List.copyOf(families);
        extendedNextHop = List.copyOf(extendedNextHop);
        addPathSend = List.copyOf(addPathSend);
        addPathReceive = List.copyOf(addPathReceive);
    }

    /**
     * ExaBGP 4.2.21 joins the add-path send families without quotes, which is not JSON (and raises in Python when
     * the list is not empty); podbgp quotes them like the receive list.
     */
    void appendJson(JsonOut out) {
        out.name("negotiated").beginObject().field("message_size", messageSize).field("hold_time", holdTime)
                .field("asn4", asn4).field("multisession", false).field("operational", false)
                .field("refresh", refresh);
        names(out.name("families"), families, Family::toString);
        // The next hop is of the other address family: that is what the capability is for.
        names(out.name("nexthop"), extendedNextHop, f -> f + (f.afi() == Family.AFI_IPV4 ? " ipv6" : " ipv4"));
        out.name("add_path").beginObject();
        names(out.name("send"), addPathSend, Family::toString);
        names(out.name("receive"), addPathReceive, Family::toString);
        out.endObject().endObject();
    }

    private static void names(JsonOut out, List<Family> families, Function<Family, String> name) {
        out.beginArray();
        for (Family f : families) {
            out.value(name.apply(f));
        }
        out.endArray();
    }
}
