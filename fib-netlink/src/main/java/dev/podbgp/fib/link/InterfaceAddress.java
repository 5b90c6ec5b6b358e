package dev.podbgp.fib.link;

import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;

/**
 * One address configured on an interface.
 *
 * @param ifindex the interface's index in its namespace
 * @param address our address (IFA_LOCAL where the kernel gives one, else IFA_ADDRESS)
 * @param prefixLength the length of the subnet the address is on
 * @param flags {@code IFA_F_*} (from IFA_FLAGS when the kernel sends it, which holds more than the octet)
 */
public record InterfaceAddress(int ifindex, IpAddress address, int prefixLength, int flags) {

    /** An address without flags: as configured, before the kernel says anything about it. */
    public InterfaceAddress(int ifindex, IpAddress address, int prefixLength) {
        this(ifindex, address, prefixLength, 0);
    }

    public InterfaceAddress {
        int max = address instanceof Ipv4Address ? 32 : 128;
        if (ifindex <= 0 || prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("interface " + ifindex + ", " + address + "/" + prefixLength);
        }
    }

    /** Reachable beyond the link: neither link-local nor loopback (the kernel's scope universe). */
    public boolean global() {
        return switch (address) {
            case Ipv4Address v4 -> (v4.bits() >>> 24) != 127;
            case Ipv6Address v6 -> !v6.isLinkLocal() && !(v6.high() == 0 && v6.low() == 1);
        };
    }

    public boolean linkLocal() {
        return address instanceof Ipv6Address v6 && v6.isLinkLocal();
    }

    /**
     * Whether another host may be told to send to it: not an address whose duplicate address detection failed,
     * not one being given up (deprecated), not an IPv6 privacy address (it changes by design). A tentative address
     * is still fine: it is one DAD interval from working, and a session's next hops are chosen once.
     */
    public boolean stable() {
        int unusable = Rtnetlink.IFA_F_DADFAILED | Rtnetlink.IFA_F_DEPRECATED
                | (address instanceof Ipv6Address ? Rtnetlink.IFA_F_TEMPORARY : 0);
        return (flags & unusable) == 0;
    }

    /** Whether {@code other} is on this address's subnet (of the same family): reachable without a router. */
    public boolean onSubnet(IpAddress other) {
        return switch (address) {
            case Ipv4Address a when other instanceof Ipv4Address o -> {
                int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
                yield (a.bits() & mask) == (o.bits() & mask);
            }
            case Ipv6Address a when other instanceof Ipv6Address o -> {
                long highMask = prefixLength == 0 ? 0 : prefixLength >= 64 ? -1L : -1L << (64 - prefixLength);
                long lowMask = prefixLength <= 64 ? 0 : prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
                yield (a.high() & highMask) == (o.high() & highMask) && (a.low() & lowMask) == (o.low() & lowMask);
            }
            default -> false;
        };
    }
}
