package dev.podbgp.lab.peer;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A route for a fixture to originate. {@code asPath} is what follows the announcing router's
 * own AS on eBGP (every fixture puts its own AS first, the way FRR, BIRD and GoBGP do; ExaBGP
 * does not, so its fixture adds it). An empty {@code nextHop} means "self".
 */
public record Route(Prefix prefix, Optional<IpAddress> nextHop, List<Long> asPath, List<Community> communities,
                    OptionalLong med, OptionalLong localPref) {
    public Route {
        asPath = List.copyOf(asPath);
        communities = List.copyOf(communities);
    }

    public static Route of(String prefix) {
        return new Route(Prefix.parse(prefix), Optional.empty(), List.of(), List.of(), OptionalLong.empty(),
                OptionalLong.empty());
    }

    public Route nextHop(String address) {
        return new Route(prefix, Optional.of(IpAddress.parse(address)), asPath, communities, med, localPref);
    }

    public Route asPath(long... asns) {
        List<Long> p = new ArrayList<>();
        for (long a : asns) {
            p.add(a);
        }
        return new Route(prefix, nextHop, p, communities, med, localPref);
    }

    public Route communities(String... values) {
        return new Route(prefix, nextHop, asPath, java.util.Arrays.stream(values).map(Community::parse).toList(), med,
                localPref);
    }

    public Route med(long value) {
        return new Route(prefix, nextHop, asPath, communities, OptionalLong.of(value), localPref);
    }

    public Route localPref(long value) {
        return new Route(prefix, nextHop, asPath, communities, med, OptionalLong.of(value));
    }
}
