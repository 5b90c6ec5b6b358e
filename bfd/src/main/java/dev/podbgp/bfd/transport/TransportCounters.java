package dev.podbgp.bfd.transport;

/**
 * What the transport refused before any session saw it.
 *
 * @param malformed            datagrams the decoder discarded (RFC 5880 §6.8.6 checks on the bytes)
 * @param unknownDiscriminator packets whose Your Discriminator selects no session on the socket they
 *                             came in on (§6.8.6)
 * @param unknownSource        packets with Your Discriminator 0 from an address, to a local address, that
 *                             no session is configured for (RFC 5881 §3, RFC 5883 §4)
 * @param kernelDropped        datagrams to our receive sockets dropped by the kernel, sampled about once a
 *                             second: TTL below the session's minimum (RFC 5881 §5), bad checksum,
 *                             or a full receive buffer
 */
public record TransportCounters(long malformed, long unknownDiscriminator, long unknownSource, long kernelDropped) {
}
