package dev.podbgp.lab.bird;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.RouteAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parses {@code birdc show route all}. BIRD 2.0 prints per table: a header line per route
 * ({@code PREFIX  unicast [PROTO TIME] * (PREF) [ASi]}; the prefix is left out for further
 * routes to the same prefix, and {@code *} marks the primary one), then tab-indented
 * attribute lines ({@code \tBGP.as_path: 65001 65002}).
 */
final class BirdRoutes {
    private BirdRoutes() {}

    static Map<Prefix, RouteAttributes> parse(String text, Set<String> protocols) {
        Map<Prefix, RouteAttributes> out = new TreeMap<>();
        Prefix prefix = null;
        Prefix current = null;
        Builder b = null;
        for (String line : text.lines().toList()) {
            if (line.startsWith("\t")) {
                if (b != null) {
                    b.attribute(line.strip());
                }
                continue;
            }
            if (b != null) {
                out.put(current, b.build());
                b = null;
            }
            int bracket = line.indexOf('[');
            if (line.isBlank() || line.startsWith("Table ") || line.startsWith("BIRD ") || bracket < 0) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                prefix = Prefix.parse(line.substring(0, line.indexOf(' ')));
            }
            String proto = line.substring(bracket + 1).split("[ \\]]")[0];
            boolean primary = line.substring(bracket).contains(" * ");
            if (primary && protocols.contains(proto) && prefix != null) {
                current = prefix;
                b = new Builder();
            }
        }
        if (b != null) {
            out.put(current, b.build());
        }
        return out;
    }

    private static final class Builder {
        IpAddress nextHop;
        List<Long> asPath = new ArrayList<>();
        List<Community> communities = new ArrayList<>();
        OptionalLong med = OptionalLong.empty();
        OptionalLong localPref = OptionalLong.empty();

        void attribute(String line) {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                return;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 2).trim();
            switch (key) {
                // IPv6: "global link-local"; the global address comes first.
                case "BGP.next_hop" -> nextHop = IpAddress.parse(value.split(" ")[0]);
                case "BGP.as_path" -> {
                    for (String t : value.split("[ {}]+")) {
                        if (!t.isBlank()) {
                            asPath.add(Long.parseLong(t));
                        }
                    }
                }
                case "BGP.community" -> {
                    for (String t : value.split("\\) ?")) {
                        String pair = t.replace("(", "").trim();
                        if (!pair.isEmpty()) {
                            communities.add(Community.parse(pair.replace(',', ':')));
                        }
                    }
                }
                case "BGP.med" -> med = OptionalLong.of(Long.parseLong(value));
                case "BGP.local_pref" -> localPref = OptionalLong.of(Long.parseLong(value));
                default -> { }
            }
        }

        RouteAttributes build() {
            return new RouteAttributes(nextHop, asPath, communities, med, localPref);
        }
    }
}
