/**
 * Test support that runs the real ExaBGP 4.2.21: {@link dev.podbgp.bgp.exabgp.ExabgpOracle}
 * decodes UPDATE bytes with {@code exabgp --decode}, and the live capture runs two ExaBGPs in
 * network namespaces to record what ExaBGP itself sends. It owns temp files, namespaces and
 * processes it starts, and must leave none behind; it never touches production code.
 */
package dev.podbgp.bgp.exabgp;
