package dev.podbgp.config.yaml;

import dev.podbgp.config.LargeCommunitySpec;
import dev.podbgp.config.ServiceSpec;
import dev.podbgp.config.StandardCommunity;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code services}, with the checks across entries (one per prefix) and against the node's podCIDRs. */
final class ServiceReader {
    private final List<Prefix> podCidrs;
    private final Map<Prefix, Integer> seen = new HashMap<>();

    ServiceReader(List<Prefix> podCidrs) {
        this.podCidrs = podCidrs;
    }

    List<ServiceSpec> services(YamlValue list) {
        List<ServiceSpec> out = new ArrayList<>();
        for (YamlValue item : list.list()) {
            item.map(Keys.SERVICE).flatMap(this::service).ifPresent(out::add);
        }
        return out;
    }

    private Optional<ServiceSpec> service(YamlMap m) {
        Optional<Prefix> prefix = m.required("prefix").flatMap(v -> v.prefix().filter(p -> usable(v, p)));
        String name = m.get("name").flatMap(YamlValue::word).orElse("");
        List<StandardCommunity> communities = m.get("communities")
                .map(v -> v.distinctListOf(i -> i.parsed(StandardCommunity::parse))).orElse(List.of());
        List<LargeCommunitySpec> large = m.get("largeCommunities")
                .map(v -> v.distinctListOf(i -> i.parsed(LargeCommunitySpec::parse))).orElse(List.of());
        // RFC 4271 §4.3: four octets.
        Optional<Long> pref = m.get("localPreference").flatMap(v -> v.integer(0, 0xFFFF_FFFFL, "a LOCAL_PREF in 0..4294967295"));
        return prefix.map(p -> new ServiceSpec(p, name, communities, large, pref));
    }

    private boolean usable(YamlValue at, Prefix p) {
        if (podCidrs.contains(p)) {
            at.error("'" + p + "' is one of node.podCidrs, which the node announces already");
            return false;
        }
        Integer first = seen.putIfAbsent(p, at.node().getStartMark().getLine() + 1);
        if (first != null) {
            at.error("'" + p + "' is already a service at line " + first);
            return false;
        }
        return true;
    }
}
