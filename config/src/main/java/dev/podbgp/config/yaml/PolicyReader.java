package dev.podbgp.config.yaml;

import dev.podbgp.config.ActionSpec;
import dev.podbgp.config.AsPathLengthSpec;
import dev.podbgp.config.LargeCommunitySpec;
import dev.podbgp.config.MatchSpec;
import dev.podbgp.config.PolicySpec;
import dev.podbgp.config.PrefixRangeSpec;
import dev.podbgp.config.RuleSpec;
import dev.podbgp.config.StandardCommunity;
import dev.podbgp.config.VerdictSpec;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Reads {@code policies}: a mapping of policy names to ordered rules. */
final class PolicyReader {
    private static final Set<String> VERDICTS = Keys.of("accept", "reject", "continue");
    private static final Set<String> DEFAULTS = Keys.of("accept", "reject");

    List<PolicySpec> policies(YamlMap named) {
        List<PolicySpec> out = new ArrayList<>();
        for (Map.Entry<String, YamlValue> e : named.entries()) {
            YamlValue v = e.getValue();
            if (!e.getKey().matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                v.errorAtKey("'" + e.getKey() + "' is not a policy name (letters, digits, '-', '_', '.')");
                continue;
            }
            v.map(Keys.POLICY).map(m -> policy(e.getKey(), m)).ifPresent(out::add);
        }
        return out;
    }

    private PolicySpec policy(String name, YamlMap m) {
        VerdictSpec fallback = m.get("default").flatMap(v -> v.oneOf(DEFAULTS)).map(PolicyReader::verdict)
                .orElse(VerdictSpec.REJECT);
        List<RuleSpec> rules = new ArrayList<>();
        Set<String> ruleNames = new HashSet<>();
        m.get("rules").ifPresent(list -> {
            List<YamlValue> items = list.list();
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                items.get(i).map(Keys.RULE).map(r -> rule(index, r)).ifPresent(rule -> {
                    if (!ruleNames.add(rule.name())) {
                        items.get(index).error("rule name '" + rule.name() + "' is used twice in policy " + name);
                    }
                    rules.add(rule);
                });
            }
        });
        return new PolicySpec(name, rules, fallback);
    }

    private static VerdictSpec verdict(String text) {
        return VerdictSpec.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private RuleSpec rule(int index, YamlMap m) {
        String name = m.get("name").flatMap(YamlValue::word).orElse(String.valueOf(index + 1));
        MatchSpec match = m.get("match").flatMap(v -> v.map(Keys.MATCH)).map(this::match).orElse(MatchSpec.ANY);
        List<ActionSpec> actions = m.get("actions").map(v -> v.listOf(this::action)).orElse(List.of());
        VerdictSpec then = m.get("then").flatMap(v -> v.oneOf(VERDICTS)).map(PolicyReader::verdict)
                .orElse(VerdictSpec.ACCEPT);
        return new RuleSpec(name, match, actions, then);
    }

    private MatchSpec match(YamlMap m) {
        return new MatchSpec(
                list(m, "prefixes", PrefixRangeSpec::parse),
                list(m, "communityAnyOf", StandardCommunity::parse),
                list(m, "communityAllOf", StandardCommunity::parse),
                list(m, "largeCommunityAnyOf", LargeCommunitySpec::parse),
                list(m, "largeCommunityAllOf", LargeCommunitySpec::parse),
                m.get("asPathLength").flatMap(v -> v.parsed(AsPathLengthSpec::parse)),
                asn(m, "asPathContains"),
                asn(m, "originAs"),
                list(m, "neighbor", PolicyReader::neighbor),
                asn(m, "neighborAs"));
    }

    /** One address or a prefix of them. */
    private static Prefix neighbor(String text) {
        if (text.indexOf('/') >= 0) {
            return Prefix.parse(text);
        }
        IpAddress a = IpAddress.parse(text);
        return Prefix.of(a, a.family().bitLength());
    }

    private static OptionalLong asn(YamlMap m, String key) {
        return m.get(key).flatMap(AsNumbers::read).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static <T> List<T> list(YamlMap m, String key, java.util.function.Function<String, T> parser) {
        return m.get(key).map(v -> v.distinctListOf(item -> item.parsed(parser))).orElse(List.of());
    }

    /** An action is a one-key mapping, so a list keeps the order they run in. */
    private Optional<ActionSpec> action(YamlValue item) {
        Optional<YamlMap> m = item.map(Keys.ACTION);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        List<Map.Entry<String, YamlValue>> entries = m.get().entries();
        int written = ((org.yaml.snakeyaml.nodes.MappingNode) m.get().node()).getValue().size();
        if (entries.size() != 1) {
            // An unknown key was already reported; only a wrong count of known keys is new here.
            if (entries.size() > 1 || written == 0) {
                item.error("an action is one key (e.g. setLocalPref: 200), found " + entries.size());
            }
            return Optional.empty();
        }
        YamlValue v = entries.getFirst().getValue();
        return switch (entries.getFirst().getKey()) {
            case "setLocalPref" -> v.integer(0, 0xFFFF_FFFFL, "a LOCAL_PREF in 0..4294967295").map(ActionSpec.SetLocalPref::new);
            case "setMed" -> v.integer(0, 0xFFFF_FFFFL, "a MED in 0..4294967295").map(ActionSpec.SetMed::new);
            case "addCommunity" -> Optional.of(new ActionSpec.AddCommunities(v.distinctListOf(i -> i.parsed(StandardCommunity::parse))));
            case "removeCommunity" -> Optional.of(new ActionSpec.RemoveCommunities(v.distinctListOf(i -> i.parsed(StandardCommunity::parse))));
            case "addLargeCommunity" -> Optional.of(new ActionSpec.AddLargeCommunities(v.distinctListOf(i -> i.parsed(LargeCommunitySpec::parse))));
            case "removeLargeCommunity" -> Optional.of(new ActionSpec.RemoveLargeCommunities(v.distinctListOf(i -> i.parsed(LargeCommunitySpec::parse))));
            case "prepend" -> prepend(v);
            default -> throw new IllegalStateException("key allowed by Keys.ACTION but not read: " + entries.getFirst().getKey());
        };
    }

    /** {@code prepend: 3} (own AS three times) or {@code prepend: {asn: 65000, times: 2}}; 255 caps one AS_PATH segment. */
    private Optional<ActionSpec> prepend(YamlValue v) {
        if (v.node() instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
            return v.integer(1, 255).map(n -> new ActionSpec.Prepend(OptionalLong.empty(), n));
        }
        return v.map(Keys.PREPEND).flatMap(m -> {
            OptionalLong asn = asn(m, "asn");
            Optional<Integer> times = m.get("times").flatMap(t -> t.integer(1, 255));
            return Optional.of(new ActionSpec.Prepend(asn, times.orElse(1)));
        });
    }
}
