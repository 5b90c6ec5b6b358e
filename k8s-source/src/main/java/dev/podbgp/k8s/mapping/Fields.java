package dev.podbgp.k8s.mapping;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Parses field values of one object, turning each failure into a {@link Problem} that names the field. */
record Fields(String kind, String name, List<Problem> problems) {

    void problem(String field, String message) {
        problems.add(new Problem(kind, name, field, message));
    }

    Optional<IpAddress> address(String field, String text) {
        try {
            return Optional.of(IpAddress.parse(text.trim()));
        } catch (IllegalArgumentException e) {
            problem(field, "'" + text + "' is not an IP address");
            return Optional.empty();
        }
    }

    Optional<Ipv4Address> ipv4(String field, String text) {
        try {
            Ipv4Address a = Ipv4Address.parse(text.trim());
            if (a.bits() != 0) {
                return Optional.of(a);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problem(field, "'" + text + "' is not a non-zero IPv4 address");
        return Optional.empty();
    }

    Optional<Prefix> prefix(String field, String text) {
        try {
            return Optional.of(Prefix.parse(text.trim()));
        } catch (IllegalArgumentException e) {
            problem(field, "'" + text + "' is not a prefix: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** True when {@code asn} may be used; otherwise reports why. */
    boolean asnUsable(String field, long asn) {
        Optional<String> refusal = Asns.refusal(asn);
        refusal.ifPresent(r -> problem(field, r));
        return refusal.isEmpty();
    }

    OptionalLong asn(String field, String text) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            problem(field, "'" + text + "' is not an AS number in 1..4294967295");
            return OptionalLong.empty();
        }
        Optional<String> refusal = Asns.refusal(v);
        refusal.ifPresent(r -> problem(field, r));
        return refusal.isPresent() ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
