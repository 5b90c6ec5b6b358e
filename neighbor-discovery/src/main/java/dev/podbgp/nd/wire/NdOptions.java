package dev.podbgp.nd.wire;

/** The option area that ends every ND message (RFC 4861 §4.6): type, length in units of 8 octets, value. */
final class NdOptions {

    private NdOptions() {
    }

    /**
     * Null when the options from {@code offset} to {@code length} are well formed, else why not.
     * RFC 4861 §4.6: an option of length 0 makes the whole message invalid (it would loop a
     * parser forever); one running past the end is malformed the same way.
     */
    static String problem(byte[] packet, int offset, int length) {
        int p = offset;
        while (p < length) {
            if (length - p < 2) {
                return "a truncated option header at octet " + p;
            }
            int units = packet[p + 1] & 0xff;
            if (units == 0) {
                return "option type " + (packet[p] & 0xff) + " with length 0 (RFC 4861 §4.6)";
            }
            if (p + units * 8 > length) {
                return "option type " + (packet[p] & 0xff) + " of " + units * 8 + " octets runs past the message";
            }
            p += units * 8;
        }
        return null;
    }
}
