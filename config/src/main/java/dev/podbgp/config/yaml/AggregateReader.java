package dev.podbgp.config.yaml;

import dev.podbgp.config.AggregateSpec;
import dev.podbgp.config.PeerKindSpec;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code aggregates}, with the checks across entries (one aggregate per prefix) and against the peers. */
final class AggregateReader {
    private static final Set<String> KINDS = Keys.of("external", "mesh");

    /** The configured peers, or null when the file is a cluster's base and peers come from Kubernetes. */
    private final Set<IpAddress> peers;
    private final Map<Prefix, Integer> seen = new HashMap<>();

    AggregateReader(Set<IpAddress> peers) {
        this.peers = peers;
    }

    List<AggregateSpec> aggregates(YamlValue list) {
        List<AggregateSpec> out = new ArrayList<>();
        for (YamlValue item : list.list()) {
            item.map(Keys.AGGREGATE).flatMap(this::aggregate).ifPresent(out::add);
        }
        return out;
    }

    private Optional<AggregateSpec> aggregate(YamlMap m) {
        Optional<Prefix> prefix = m.required("prefix").flatMap(v -> v.prefix().filter(p -> usable(v, p)));
        boolean summaryOnly = m.get("summaryOnly").flatMap(YamlValue::bool).orElse(false);
        Set<PeerKindSpec> kinds = EnumSet.noneOf(PeerKindSpec.class);
        Set<IpAddress> addresses = new LinkedHashSet<>();
        Optional<YamlValue> peersValue = m.get("peers");
        if (peersValue.isEmpty()) {
            kinds.addAll(AggregateSpec.DEFAULT_KINDS);
        } else {
            List<YamlValue> items = peersValue.get().list();
            if (items.isEmpty() && !peersValue.get().isNull()) {
                peersValue.get().error("an empty list sends the aggregate to no peer; leave peers out for the "
                        + "default (external)");
            }
            for (YamlValue item : items) {
                target(item, kinds, addresses);
            }
        }
        return prefix.map(p -> new AggregateSpec(p, summaryOnly, List.copyOf(addresses), kinds));
    }

    private boolean usable(YamlValue at, Prefix p) {
        if (p.length() == p.family().bitLength()) {
            at.error("'" + p + "' is a host route: no route is more specific, so nothing would contribute to it");
            return false;
        }
        Integer first = seen.putIfAbsent(p, at.node().getStartMark().getLine() + 1);
        if (first != null) {
            at.error("'" + p + "' is already an aggregate at line " + first);
            return false;
        }
        return true;
    }

    /** A peer kind or a peer's address. */
    private void target(YamlValue item, Set<PeerKindSpec> kinds, Set<IpAddress> addresses) {
        Optional<String> text = item.word();
        if (text.isEmpty()) {
            return;
        }
        String t = text.get();
        if (KINDS.contains(t)) {
            kinds.add(t.equals("mesh") ? PeerKindSpec.MESH : PeerKindSpec.EXTERNAL);
            return;
        }
        if (t.chars().noneMatch(c -> c == '.' || c == ':')) {
            item.oneOf(KINDS);
            return;
        }
        item.address().ifPresent(a -> {
            if (peers != null && !peers.contains(a)) {
                item.error(a + " is not a configured peer (peers, mesh.peers)");
            } else if (!addresses.add(a)) {
                item.error("'" + a + "' is listed twice");
            }
        });
    }
}
