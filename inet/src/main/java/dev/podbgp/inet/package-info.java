/**
 * IPv4 and IPv6 addresses and prefixes as small immutable values.
 *
 * <p>Owns parsing, RFC 5952 formatting, containment, overlap, ordering and host-bit
 * checks. Depends on nothing, not even {@code java.net}: {@code InetAddress} may resolve
 * names, and an address parser in a routing daemon must never touch DNS.
 *
 * <p>Hot paths (the RIB, the decoders, the FIB writer) keep prefixes as primitives;
 * {@link Ipv4Prefix#toLong()} and {@link Ipv4Prefix#fromLong(long)} are the bridge between the
 * two worlds, and {@link Ipv4PrefixMap} is the table keyed by the packed form that the RIB and
 * the FIB writer both use. It belongs here, beside the packing it is tuned for.
 */
package dev.podbgp.inet;
