package dev.podbgp.inet;

/** An IPv6 address held in two {@code long}s: {@code high} carries bits 0..63, {@code low} bits 64..127. */
public record Ipv6Address(long high, long low) implements IpAddress {

    public static final Ipv6Address ANY = new Ipv6Address(0, 0);

    public static Ipv6Address ofBytes(byte[] b, int offset) {
        return new Ipv6Address(readLong(b, offset), readLong(b, offset + 8));
    }

    static long readLong(byte[] b, int o) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[o + i] & 0xff);
        }
        return v;
    }

    /**
     * Parses any RFC 4291 §2.2 text form: full, {@code ::}-compressed, and with a trailing
     * dotted IPv4 part. Zone indices ({@code fe80::1%eth0}) are refused: a route's next hop
     * names its interface separately.
     */
    public static Ipv6Address parse(String text) {
        if (text.indexOf('%') >= 0) {
            throw new InetParseException(text, "has a zone index; give the interface separately");
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // index in groups where "::" stands
        int i = 0;
        int n = text.length();
        if (n >= 2 && text.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (n > 0 && text.charAt(0) == ':') {
            throw new InetParseException(text, "is not an IPv6 address (a lone leading ':')");
        }
        while (i < n) {
            if (count == 8) {
                throw new InetParseException(text, "is not an IPv6 address (more than 8 groups)");
            }
            int start = i;
            int value = 0;
            while (i < n && Character.digit(text.charAt(i), 16) >= 0 && i - start < 5) {
                value = value << 4 | Character.digit(text.charAt(i), 16);
                i++;
            }
            if (i < n && text.charAt(i) == '.') {
                // Trailing IPv4 part: fills the last two groups.
                if (count > 6) {
                    throw new InetParseException(text, "is not an IPv6 address (IPv4 part in the wrong place)");
                }
                int v4 = Ipv4Address.parseBits(text, start, n, text);
                groups[count++] = v4 >>> 16;
                groups[count++] = v4 & 0xffff;
                i = n;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4) {
                throw new InetParseException(text, "is not an IPv6 address (each group has 1 to 4 hex digits)");
            }
            groups[count++] = value;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != ':') {
                throw new InetParseException(text, "is not an IPv6 address (unexpected '" + text.charAt(i) + "')");
            }
            i++;
            if (i < n && text.charAt(i) == ':') {
                if (gap >= 0) {
                    throw new InetParseException(text, "is not an IPv6 address ('::' appears twice)");
                }
                gap = count;
                i++;
            } else if (i == n) {
                throw new InetParseException(text, "is not an IPv6 address (a lone trailing ':')");
            }
        }
        if (gap < 0 && count != 8) {
            throw new InetParseException(text, "is not an IPv6 address (8 groups, or '::', are needed)");
        }
        if (gap >= 0 && count == 8) {
            throw new InetParseException(text, "is not an IPv6 address ('::' must stand for at least one group)");
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            System.arraycopy(groups, 0, full, 0, gap);
            int tail = count - gap;
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long hi = 0;
        long lo = 0;
        for (int g = 0; g < 4; g++) {
            hi = hi << 16 | full[g];
            lo = lo << 16 | full[g + 4];
        }
        return new Ipv6Address(hi, lo);
    }

    @Override
    public AddressFamily family() {
        return AddressFamily.IPV6;
    }

    @Override
    public byte[] toBytes() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (high >>> (56 - 8 * i));
            b[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return b;
    }

    /** fe80::/10, the scope RFC 2545 §3 next hops come from. */
    public boolean isLinkLocal() {
        return (high >>> 54) == (0xfe80L >>> 6);
    }

    /** ::ffff:0:0/96. */
    public boolean isIpv4Mapped() {
        return high == 0 && (low >>> 32) == 0xffffL;
    }

    int group(int index) {
        long word = index < 4 ? high : low;
        return (int) (word >>> (48 - 16 * (index & 3))) & 0xffff;
    }

    /**
     * RFC 5952 §4 text: lower-case hex, no leading zeros, the longest run of two or more zero
     * groups (the first one on a tie) shortened to {@code ::}; §5 dotted form for IPv4-mapped.
     */
    @Override
    public String toString() {
        if (isIpv4Mapped()) {
            return "::ffff:" + new Ipv4Address((int) low);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (group(i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && group(j) == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(group(i)));
        }
        return sb.toString();
    }
}
