package dev.podbgp.k8s.mapping;

import dev.podbgp.config.BfdSpec;
import dev.podbgp.config.FamilySpec;
import dev.podbgp.config.MaxPrefixSpec;
import dev.podbgp.config.NextHopSpec;
import dev.podbgp.config.PeerKindSpec;
import dev.podbgp.config.PolicySpec;
import dev.podbgp.config.Secret;
import dev.podbgp.config.TimersSpec;
import dev.podbgp.config.TtlSpec;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.k8s.crd.BGPPeer;
import dev.podbgp.k8s.crd.Bfd;
import dev.podbgp.k8s.crd.BGPPeerSpec;
import dev.podbgp.k8s.crd.MaxPrefix;
import dev.podbgp.k8s.crd.NextHop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One BGPPeer to one {@link DesiredPeer}, or nothing with the reasons. A peer with any bad field is
 * left out whole: a session with half its settings (no MD5 key, the wrong policy) is worse than none.
 */
final class PeerMapper {
    private PeerMapper() {
    }

    /** True when every label of the selector is on the node; an empty selector selects all nodes. */
    static boolean selects(BGPPeer peer, NodeView node) {
        Map<String, String> sel = peer.getSpec() == null ? null : peer.getSpec().nodeSelector;
        return sel == null || sel.entrySet().stream().allMatch(e -> e.getValue().equals(node.labels().get(e.getKey())));
    }

    static Optional<DesiredPeer> map(BGPPeer peer, Map<String, PolicySpec> policies, SecretLookup secrets,
                                     List<Problem> problems) {
        List<Problem> mine = new ArrayList<>();
        Fields f = new Fields("BGPPeer", peer.getMetadata().getName(), mine);
        BGPPeerSpec s = peer.getSpec();
        if (s == null) {
            f.problem("spec", "missing");
            problems.addAll(mine);
            return Optional.empty();
        }
        Optional<IpAddress> address = s.peerAddress == null ? missing(f, "spec.peerAddress")
                : f.address("spec.peerAddress", s.peerAddress);
        if (s.peerASN == null) {
            f.problem("spec.peerASN", "missing");
        } else {
            f.asnUsable("spec.peerASN", s.peerASN);
        }
        Optional<Secret> password = Optional.empty();
        if (s.passwordSecretRef != null) {
            String ref = "secret " + s.passwordSecretRef.name + " key " + s.passwordSecretRef.key;
            Optional<String> v = s.passwordSecretRef.name == null || s.passwordSecretRef.key == null ? Optional.empty()
                    : secrets.value(s.passwordSecretRef.name, s.passwordSecretRef.key);
            if (v.isEmpty()) {
                f.problem("spec.passwordSecretRef", ref + " not found");
            } else {
                try {
                    password = Optional.of(new Secret(v.get()));
                } catch (IllegalArgumentException e) {
                    f.problem("spec.passwordSecretRef", ref + ": " + e.getMessage());
                }
            }
        }
        TimersSpec timers = timers(s, f);
        TtlSpec ttl = TtlSpec.SYSTEM_DEFAULT;
        if (s.gtsmHops != null && s.ebgpMultihop != null) {
            f.problem("spec.gtsmHops", "GTSM and ebgpMultihop exclude each other");
        } else {
            try {
                ttl = s.gtsmHops != null ? new TtlSpec.Gtsm(s.gtsmHops)
                        : s.ebgpMultihop != null ? new TtlSpec.Multihop(s.ebgpMultihop) : TtlSpec.SYSTEM_DEFAULT;
            } catch (IllegalArgumentException e) {
                f.problem(s.gtsmHops != null ? "spec.gtsmHops" : "spec.ebgpMultihop", e.getMessage());
            }
        }
        List<FamilySpec> families = new ArrayList<>();
        if (s.families != null) {
            for (int i = 0; i < s.families.size(); i++) {
                String t = s.families.get(i);
                FamilySpec.parse(t).ifPresentOrElse(families::add,
                        () -> f.problem("spec.families", "'" + t + "' is not ipv4 unicast or ipv6 unicast"));
            }
        }
        if (families.isEmpty() && address.isPresent()) {
            families.add(FamilySpec.unicast(address.get().family()));
        }
        policy(f, "spec.importPolicy", s.importPolicy, policies);
        policy(f, "spec.exportPolicy", s.exportPolicy, policies);
        MaxPrefixSpec maxPrefix = maxPrefix(s.maxPrefix, f);
        BfdSpec bfd = bfd(s.bfd, f);
        NextHopSpec nextHop = nextHop(s.nextHop, f);
        if (!mine.isEmpty() || address.isEmpty()) {
            problems.addAll(mine);
            return Optional.empty();
        }
        return Optional.of(new DesiredPeer(address.get(), s.peerASN, Optional.empty(), 179, password, ttl, timers,
                families, Boolean.TRUE.equals(s.passive), Optional.ofNullable(s.importPolicy),
                Optional.ofNullable(s.exportPolicy), Optional.of(maxPrefix), Boolean.TRUE.equals(s.routeReflectorClient),
                Boolean.TRUE.equals(s.nextHopSelf), PeerKindSpec.EXTERNAL, bfd, nextHop, Optional.empty()));
    }

    private static <T> Optional<T> missing(Fields f, String field) {
        f.problem(field, "missing");
        return Optional.empty();
    }

    private static TimersSpec timers(BGPPeerSpec s, Fields f) {
        int hold = s.holdTimeSeconds != null ? s.holdTimeSeconds : TimersSpec.DEFAULT.holdTime();
        int keepalive = s.keepaliveSeconds != null ? s.keepaliveSeconds : hold / 3;
        int retry = s.connectRetrySeconds != null ? s.connectRetrySeconds : TimersSpec.DEFAULT.connectRetry();
        try {
            return new TimersSpec(hold, keepalive, retry);
        } catch (IllegalArgumentException e) {
            f.problem(s.keepaliveSeconds != null ? "spec.keepaliveSeconds" : "spec.holdTimeSeconds", e.getMessage());
            return TimersSpec.DEFAULT;
        }
    }

    private static void policy(Fields f, String field, String name, Map<String, PolicySpec> policies) {
        if (name != null && !policies.containsKey(name)) {
            f.problem(field, "no policy named '" + name + "' in the base settings");
        }
    }

    private static BfdSpec bfd(Bfd b, Fields f) {
        if (b == null) {
            return BfdSpec.DISABLED;
        }
        BfdSpec d = BfdSpec.DEFAULT;
        try {
            return new BfdSpec(!Boolean.FALSE.equals(b.enabled),
                    b.minTxMillis == null ? d.minTx() : Duration.ofMillis(b.minTxMillis),
                    b.minRxMillis == null ? d.minRx() : Duration.ofMillis(b.minRxMillis),
                    b.multiplier == null ? d.multiplier() : b.multiplier, Boolean.TRUE.equals(b.multihop));
        } catch (IllegalArgumentException e) {
            f.problem("spec.bfd", e.getMessage());
            return BfdSpec.DISABLED;
        }
    }

    private static NextHopSpec nextHop(NextHop n, Fields f) {
        if (n == null) {
            return NextHopSpec.NONE;
        }
        Optional<Ipv4Address> ipv4 = Optional.empty();
        Optional<Ipv6Address> ipv6 = Optional.empty();
        if (n.ipv4 != null) {
            ipv4 = f.address("spec.nextHop.ipv4", n.ipv4).flatMap(a -> familyOf(f, "spec.nextHop.ipv4", a, Ipv4Address.class));
        }
        if (n.ipv6 != null) {
            ipv6 = f.address("spec.nextHop.ipv6", n.ipv6).flatMap(a -> familyOf(f, "spec.nextHop.ipv6", a, Ipv6Address.class));
        }
        try {
            return new NextHopSpec(ipv4, ipv6);
        } catch (IllegalArgumentException e) {
            f.problem("spec.nextHop.ipv6", e.getMessage());
            return NextHopSpec.NONE;
        }
    }

    private static <A extends IpAddress> Optional<A> familyOf(Fields f, String field, IpAddress a, Class<A> family) {
        if (family.isInstance(a)) {
            return Optional.of(family.cast(a));
        }
        f.problem(field, "'" + a + "' is not an " + (family == Ipv4Address.class ? "IPv4" : "IPv6") + " address");
        return Optional.empty();
    }

    private static MaxPrefixSpec maxPrefix(MaxPrefix m, Fields f) {
        if (m == null) {
            return MaxPrefixSpec.EXTERNAL_DEFAULT;
        }
        Optional<Duration> restart = m.restartAfterSeconds == null || m.restartAfterSeconds == 0 ? Optional.empty()
                : Optional.of(Duration.ofSeconds(m.restartAfterSeconds));
        try {
            return new MaxPrefixSpec(m.limit == null ? 0 : m.limit,
                    m.warningPercent == null ? MaxPrefixSpec.EXTERNAL_DEFAULT.warningPercent() : m.warningPercent,
                    new MaxPrefixSpec.Teardown(restart));
        } catch (IllegalArgumentException e) {
            f.problem("spec.maxPrefix", e.getMessage());
            return MaxPrefixSpec.EXTERNAL_DEFAULT;
        }
    }
}
