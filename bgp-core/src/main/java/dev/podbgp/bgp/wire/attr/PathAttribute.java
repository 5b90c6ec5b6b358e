package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;

/**
 * One path attribute's value. The TLV header (flags, type code, length; RFC 4271 §4.3) is
 * written by {@link PathAttributes}, which also chooses the extended-length flag only when
 * the value exceeds 255 octets.
 */
public sealed interface PathAttribute
        permits Origin, AsPath, NextHop, U32Attribute, AtomicAggregate, Aggregator,
                Communities, OriginatorId, ClusterList, MpReachNlri, MpUnreachNlri,
                ExtendedCommunities, LargeCommunities, UnknownAttribute {

    int typeCode();

    /** Optional/Transitive/Partial flags as sent (never the extended-length bit). */
    int flags();

    /** Value length in octets under these capabilities. */
    int valueLength(SessionCapabilities caps);

    /** Writes exactly {@link #valueLength} octets. */
    void writeValue(WireWriter out, SessionCapabilities caps);

    /**
     * Writes this attribute's members of ExaBGP's {@code "attribute"} object (zero, one or
     * several {@code "name": value} pairs). MP_REACH/MP_UNREACH write nothing here: ExaBGP
     * renders their NLRI under {@code announce}/{@code withdraw}.
     */
    void appendJson(JsonOut json);
}
