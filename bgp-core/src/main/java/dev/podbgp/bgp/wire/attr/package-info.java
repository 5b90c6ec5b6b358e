/**
 * BGP path attributes: one record per attribute with its decode, encode and ExaBGP JSON
 * side by side, and {@link dev.podbgp.bgp.wire.attr.AttributeType}, the one table of type
 * codes, flags and RFC 7606 error actions.
 *
 * <p>{@link dev.podbgp.bgp.wire.attr.PathAttributes} parses and writes a whole attribute
 * section, including the RFC 6793 AS4_PATH/AS4_AGGREGATOR merge and split for sessions
 * without 4-octet AS numbers. Nothing here knows about peers, policy or the RIB.
 */
package dev.podbgp.bgp.wire.attr;
