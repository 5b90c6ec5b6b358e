package dev.podbgp.fib.address;

import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.util.Objects;

/**
 * One address of one interface, as {@code ip addr} shows it.
 *
 * @param ifindex the interface's index
 * @param prefixLength the length of the on-link prefix that came with the address ({@code /24}, {@code /64})
 * @param scope {@code RT_SCOPE_*}: universe for global addresses, link for fe80::/10, host for loopback
 * @param flags {@code IFA_F_*} (from IFA_FLAGS when the kernel sends it, which holds more than the octet)
 */
public record InterfaceAddress(int ifindex, IpAddress address, int prefixLength, int scope, int flags) {

    public InterfaceAddress {
        Objects.requireNonNull(address, "address");
        int max = address instanceof Ipv4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " for " + address);
        }
    }

    /** Reachable beyond the link: scope universe, so neither link-local nor loopback. */
    public boolean global() {
        return scope == Rtnetlink.RT_SCOPE_UNIVERSE;
    }

    public boolean linkLocal() {
        return address instanceof Ipv6Address v6 && v6.isLinkLocal();
    }

    /**
     * Whether another host may be told to send to it: not an address whose duplicate address detection
     * failed, not one being given up (deprecated), not an IPv6 privacy address (it changes by design).
     * A tentative address is still fine: it is one DAD interval from working, and a session's next hops
     * are chosen once.
     */
    public boolean stable() {
        int unusable = Rtnetlink.IFA_F_DADFAILED | Rtnetlink.IFA_F_DEPRECATED
                | (address instanceof Ipv6Address ? Rtnetlink.IFA_F_TEMPORARY : 0);
        return (flags & unusable) == 0;
    }

    /** The on-link prefix: hosts inside it share the link with this interface. */
    public Prefix subnet() {
        return switch (address) {
            case Ipv4Address v4 -> Ipv4Prefix.masked(v4.bits(), prefixLength);
            case Ipv6Address v6 -> Ipv6Prefix.masked(v6.high(), v6.low(), prefixLength);
        };
    }
}
