package dev.podbgp.k8s.ipam;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.math.BigInteger;

/**
 * Consecutive addresses of one family, {@code first} to {@code last} inclusive. Arithmetic is on
 * {@link BigInteger}: a pool is walked only as far as its allocated addresses reach, so the cost is
 * per allocation, never per address of a /64.
 */
public record AddressRange(IpAddress first, IpAddress last) {
    public AddressRange {
        if (first.family() != last.family()) {
            throw new IllegalArgumentException(first + "-" + last + " mixes IPv4 and IPv6");
        }
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException(first + "-" + last + " ends before it starts");
        }
    }

    /** Parses a prefix ({@code 192.0.2.0/28}, host bits must be zero) or {@code first-last}. */
    public static AddressRange parse(String text) {
        String t = text.trim();
        int dash = t.indexOf('-');
        if (dash >= 0) {
            return new AddressRange(IpAddress.parse(t.substring(0, dash).trim()), IpAddress.parse(t.substring(dash + 1).trim()));
        }
        Prefix p = Prefix.parse(t);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(p.family().bitLength() - p.length()).subtract(BigInteger.ONE);
        return new AddressRange(p.address(), address(number(p.address()).or(hostMask), p.family()));
    }

    public AddressFamily family() {
        return first.family();
    }

    public boolean contains(IpAddress a) {
        return a.family() == family() && first.compareTo(a) <= 0 && a.compareTo(last) <= 0;
    }

    public BigInteger size() {
        return number(last).subtract(number(first)).add(BigInteger.ONE);
    }

    /**
     * IPv4 addresses ending in .0 or .255 inside this range: the "buggy" ones some old clients
     * and routers take for network or broadcast addresses even outside a /24.
     */
    public BigInteger buggyCount() {
        if (family() != AddressFamily.IPV4) {
            return BigInteger.ZERO;
        }
        long a = number(first).longValueExact();
        long b = number(last).longValueExact();
        return BigInteger.valueOf(withLastOctet(a, b, 0) + withLastOctet(a, b, 255));
    }

    private static long withLastOctet(long a, long b, long octet) {
        return Math.floorDiv(b - octet, 256) - Math.floorDiv(a - 1 - octet, 256);
    }

    public static boolean isBuggy(IpAddress a) {
        if (a instanceof Ipv4Address v4) {
            int last = v4.bits() & 0xff;
            return last == 0 || last == 255;
        }
        return false;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }

    static BigInteger number(IpAddress a) {
        return new BigInteger(1, a.toBytes());
    }

    /** The address with value {@code n} in {@code family}; n must fit. */
    static IpAddress address(BigInteger n, AddressFamily family) {
        byte[] raw = n.toByteArray();
        byte[] bytes = new byte[family.byteLength()];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        return IpAddress.ofBytes(bytes);
    }

    static IpAddress next(IpAddress a) {
        return address(number(a).add(BigInteger.ONE), a.family());
    }
}
