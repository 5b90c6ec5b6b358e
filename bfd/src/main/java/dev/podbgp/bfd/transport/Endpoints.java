package dev.podbgp.bfd.transport;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.Optional;

/**
 * A session's socket addresses as the kernel wants them: the local address to bind (the wildcard
 * when there is none) and the peer's port, with the interface as scope of IPv6 link-local
 * addresses. Resolved on the event loop, whose thread is in the transport's network namespace:
 * interface names mean something only there.
 */
record Endpoints(InetAddress local, InetSocketAddress destination) {

    static Endpoints resolve(BfdPeerConfig config) {
        Optional<NetworkInterface> link = config.interfaceName().map(Endpoints::existing);
        InetAddress local = config.local().map(a -> inet(a, link)).orElseGet(() -> wildcard(config.peer().family()));
        return new Endpoints(local, new InetSocketAddress(inet(config.peer(), link), config.hop().port()));
    }

    InetSocketAddress local(int port) {
        return new InetSocketAddress(local, port);
    }

    static IpAddress ip(InetAddress address) {
        return IpAddress.ofBytes(address.getAddress());
    }

    private static NetworkInterface existing(String name) {
        try {
            NetworkInterface found = NetworkInterface.getByName(name);
            if (found == null) {
                throw new IllegalArgumentException("no interface " + name + " in this network namespace");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up interface " + name, e);
        }
    }

    private static InetAddress inet(IpAddress address, Optional<NetworkInterface> link) {
        try {
            if (address instanceof Ipv6Address v6 && v6.isLinkLocal()) {
                return Inet6Address.getByAddress(null, v6.toBytes(), link.orElseThrow());
            }
            return InetAddress.getByAddress(address.toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("not an address: " + address, e);
        }
    }

    private static InetAddress wildcard(AddressFamily family) {
        try {
            return InetAddress.getByAddress(new byte[family.byteLength()]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
