package dev.podbgp.bgp.wire;

/**
 * An address family / subsequent address family pair (RFC 4760 §3, IANA registries).
 * podbgp routes IPv4 and IPv6 unicast; other pairs are carried so they can be named in
 * capabilities and errors.
 */
public record Family(int afi, int safi) {

    public static final int AFI_IPV4 = 1;
    public static final int AFI_IPV6 = 2;
    public static final int SAFI_UNICAST = 1;

    public static final Family IPV4_UNICAST = new Family(AFI_IPV4, SAFI_UNICAST);
    public static final Family IPV6_UNICAST = new Family(AFI_IPV6, SAFI_UNICAST);

    public Family {
        if (afi < 0 || afi > 0xffff || safi < 0 || safi > 0xff) {
            throw new IllegalArgumentException("AFI " + afi + " / SAFI " + safi + " out of range");
        }
    }

    public static Family of(int afi, int safi) {
        if (safi == SAFI_UNICAST) {
            if (afi == AFI_IPV4) {
                return IPV4_UNICAST;
            }
            if (afi == AFI_IPV6) {
                return IPV6_UNICAST;
            }
        }
        return new Family(afi, safi);
    }

    /** True for the two families podbgp decodes NLRI of. */
    public boolean isSupported() {
        return this.equals(IPV4_UNICAST) || this.equals(IPV6_UNICAST);
    }

    /**
     * ExaBGP 4.2.21's AFI name: {@code ipv4}, {@code ipv6}, {@code l2vpn}, {@code bgp-ls}; 0 is
     * {@code undefined}. Any other AFI prints as ExaBGP prints it, {@code unknown-afi-0x0x63} for
     * 99: its format string puts "0x" before Python's hex(), which adds another. Scripts reading
     * ExaBGP's JSON match that text, so it is kept.
     */
    public String afiName() {
        return switch (afi) {
            case 0 -> "undefined";
            case 1 -> "ipv4";
            case 2 -> "ipv6";
            case 25 -> "l2vpn";
            case 16388 -> "bgp-ls";
            default -> "unknown-afi-0x0x" + Integer.toHexString(afi);
        };
    }

    /**
     * ExaBGP 4.2.21's SAFI name: {@code unicast}, {@code multicast}, {@code mpls-vpn}, ...; any
     * SAFI it has no name for, 0 included, is {@code unknown safi N} (decimal). 4.2.21 names
     * neither MCAST-VPN (5) nor MUP (73).
     */
    public String safiName() {
        return switch (safi) {
            case 1 -> "unicast";
            case 2 -> "multicast";
            case 4 -> "nlri-mpls";
            case 65 -> "vpls";
            case 70 -> "evpn";
            case 71 -> "bgp-ls";
            case 72 -> "bgp-ls-vpn";
            case 128 -> "mpls-vpn";
            case 132 -> "rtc";
            case 133 -> "flow";
            case 134 -> "flow-vpn";
            default -> "unknown safi " + safi;
        };
    }

    /** The name ExaBGP uses as a JSON key and in its configuration: {@code "ipv4 unicast"}. */
    @Override
    public String toString() {
        return afiName() + " " + safiName();
    }
}
