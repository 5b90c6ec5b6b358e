package dev.podbgp.lab.peer;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One BGP neighbor of a fixture: the session runs from {@code localAddress} to {@code address}
 * (AS {@code as}). {@code families} are the address families negotiated on it; by default the
 * session's own family. MD5 (RFC 2385) when {@code password} is present; {@code passive} waits
 * for the other side to connect.
 */
public record Neighbor(IpAddress localAddress, IpAddress address, long as, Optional<String> password,
                       boolean passive, Set<AddressFamily> families) {
    public Neighbor {
        families = Set.copyOf(families);
        if (families.isEmpty()) {
            throw new IllegalArgumentException("a neighbor needs at least one family");
        }
    }

    public static Neighbor of(IpAddress localAddress, IpAddress address, long as) {
        return new Neighbor(localAddress, address, as, Optional.empty(), false, EnumSet.of(address.family()));
    }

    public Neighbor password(String md5) {
        return new Neighbor(localAddress, address, as, Optional.of(md5), passive, families);
    }

    public Neighbor asPassive() {
        return new Neighbor(localAddress, address, as, password, true, families);
    }

    public Neighbor families(AddressFamily first, AddressFamily... more) {
        return new Neighbor(localAddress, address, as, password, passive, EnumSet.of(first, more));
    }
}
