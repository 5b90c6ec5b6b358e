/**
 * BGP capabilities (RFC 5492) as carried in the OPEN message: one record per capability,
 * each with its value decoder, encoder and ExaBGP JSON rendering side by side.
 *
 * <p>Owns only the capability values (the part after code and length). The OPEN optional
 * parameter framing lives in {@code wire.message}; deciding what a session negotiated
 * ({@code CapabilityNegotiation}) also lives there because it reads two OPENs. Nothing here
 * knows about sessions, sockets or configuration.
 */
package dev.podbgp.bgp.wire.capability;
