package dev.podbgp.config;

import dev.podbgp.inet.AddressFamily;
import java.util.Optional;

/** An address family a session negotiates (RFC 4760), written as ExaBGP and the CLI write it. */
public enum FamilySpec {
    IPV4_UNICAST("ipv4 unicast", AddressFamily.IPV4),
    IPV6_UNICAST("ipv6 unicast", AddressFamily.IPV6);

    private final String text;
    private final AddressFamily addressFamily;

    FamilySpec(String text, AddressFamily addressFamily) {
        this.text = text;
        this.addressFamily = addressFamily;
    }

    public String text() {
        return text;
    }

    public AddressFamily addressFamily() {
        return addressFamily;
    }

    public static FamilySpec unicast(AddressFamily family) {
        return family == AddressFamily.IPV4 ? IPV4_UNICAST : IPV6_UNICAST;
    }

    public static Optional<FamilySpec> parse(String text) {
        for (FamilySpec f : values()) {
            if (f.text.equals(text)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
