package dev.podbgp.log;

import dev.podbgp.inet.IpAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.StringJoiner;

/**
 * The text of a field's value. Addresses are written as operators read them elsewhere (RFC 5952
 * §4: compressed, lower case) instead of {@link InetAddress#getHostAddress()}'s long form
 * ({@code 2001:db8:0:0:0:0:0:1}) or {@link InetAddress#toString()}'s {@code host/} prefix;
 * collections element by element, so a list of addresses reads the same way.
 */
final class LogValue {
    private LogValue() {}

    static String text(Object value) {
        return switch (value) {
            case null -> "";
            case InetAddress a -> address(a);
            case InetSocketAddress s -> socket(s);
            case Collection<?> c -> list(c);
            default -> String.valueOf(value);
        };
    }

    /** A list is always quoted, also when it has one element: its brackets are part of one value. */
    static boolean alwaysQuoted(Object value) {
        return value instanceof Collection<?>;
    }

    /** RFC 4007 §11: a scoped address keeps its zone after {@code %}. */
    private static String address(InetAddress a) {
        String text = IpAddress.ofBytes(a.getAddress()).toString();
        if (a instanceof Inet6Address v6 && v6.getScopedInterface() != null) {
            return text + "%" + v6.getScopedInterface().getName();
        }
        if (a instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            return text + "%" + v6.getScopeId();
        }
        return text;
    }

    /** RFC 5952 §6: an IPv6 address with a port is bracketed, {@code [2001:db8::1]:179}. */
    private static String socket(InetSocketAddress s) {
        if (s.isUnresolved()) {
            return s.getHostString() + ":" + s.getPort();
        }
        String host = address(s.getAddress());
        return (s.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + s.getPort();
    }

    private static String list(Collection<?> values) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (Object v : values) {
            out.add(text(v));
        }
        return out.toString();
    }
}
