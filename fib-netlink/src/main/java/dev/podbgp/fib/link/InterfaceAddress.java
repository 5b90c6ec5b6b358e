package dev.podbgp.fib.link;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;

/**
 * One address configured on an interface.
 *
 * @param ifindex the interface's index in its namespace
 * @param address our address (IFA_LOCAL where the kernel gives one, else IFA_ADDRESS)
 * @param prefixLength the length of the subnet the address is on
 */
public record InterfaceAddress(int ifindex, IpAddress address, int prefixLength) {

    public InterfaceAddress {
        int max = address instanceof Ipv4Address ? 32 : 128;
        if (ifindex <= 0 || prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("interface " + ifindex + ", " + address + "/" + prefixLength);
        }
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
