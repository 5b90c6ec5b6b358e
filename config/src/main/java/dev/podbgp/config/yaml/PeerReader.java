package dev.podbgp.config.yaml;

import dev.podbgp.config.BfdSpec;
import dev.podbgp.config.DynamicPeerSpec;
import dev.podbgp.config.GatewayPeerSpec;
import dev.podbgp.config.PeerAsSpec;
import dev.podbgp.config.FamilySpec;
import dev.podbgp.config.MaxPrefixSpec;
import dev.podbgp.config.MeshSpec;
import dev.podbgp.config.NextHopSpec;
import dev.podbgp.config.NodeSpec;
import dev.podbgp.config.PasswordSpec;
import dev.podbgp.config.PeerKindSpec;
import dev.podbgp.config.PeerSpec;
import dev.podbgp.config.PolicySpec;
import dev.podbgp.config.RolesSpec;
import dev.podbgp.config.Secret;
import dev.podbgp.config.TimersSpec;
import dev.podbgp.config.TtlSpec;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code peers}, {@code mesh}, {@code dynamicPeers} and {@code defaultGatewayPeer}, with the checks that span
 * peers (duplicates, policy names).
 */
final class PeerReader {
    private final NodeSpec node;
    private final RolesSpec roles;
    private final Set<String> policyNames;
    private final Path baseDir;
    /** Address to the line it was first configured on, across peers and mesh.peers. */
    private final Map<IpAddress, Integer> seen = new HashMap<>();
    /** Interface name to the line of the unnumbered peer first configured on it. */
    private final Map<String, Integer> seenInterfaces = new HashMap<>();

    PeerReader(NodeSpec node, RolesSpec roles, List<PolicySpec> policies, Path baseDir) {
        this.node = node;
        this.roles = roles;
        this.policyNames = Keys.of(policies.stream().map(PolicySpec::name).toArray(String[]::new));
        this.baseDir = baseDir;
    }

    List<PeerSpec> peers(YamlValue list) {
        List<PeerSpec> out = new ArrayList<>();
        for (YamlValue item : list.list()) {
            item.map(Keys.PEER).flatMap(this::peer).ifPresent(out::add);
        }
        return out;
    }

    MeshSpec mesh(YamlMap m) {
        boolean enabled = m.get("enabled").flatMap(YamlValue::bool).orElse(true);
        List<IpAddress> peers = new ArrayList<>();
        m.get("peers").ifPresent(v -> {
            for (YamlValue item : v.list()) {
                item.address().filter(a -> unique(item, a)).ifPresent(peers::add);
            }
        });
        return new MeshSpec(enabled, peers);
    }

    private boolean unique(YamlValue at, IpAddress address) {
        int line = at.node().getStartMark().getLine() + 1;
        Integer first = seen.putIfAbsent(address, line);
        if (first != null) {
            at.error("peer " + address + " is already configured at line " + first);
            return false;
        }
        return true;
    }

    private Optional<PeerSpec> peer(YamlMap m) {
        Optional<String> interfaceName = m.get("interface").flatMap(this::interfaceName);
        Optional<IpAddress> address;
        if (m.get("interface").isPresent()) {
            m.get("address").ifPresent(v -> v.error("give address or interface, not both: an interface peer is reached at the link-local address it advertises"));
            // The template's placeholder until neighbour discovery hears the peer (DesiredPeer#atLinkLocal).
            address = interfaceName.map(n -> Ipv6Address.ANY);
            unnumberedChecks(m);
        } else {
            address = m.required("address").flatMap(YamlValue::address);
            address.ifPresent(a -> unique(m.get("address").orElseThrow(), a));
        }
        PeerKindSpec kind = kind(m);
        Optional<Long> asn = kind == PeerKindSpec.MESH && m.get("asn").isEmpty()
                ? Optional.of(node.asn())
                : m.required("asn").flatMap(AsNumbers::read);
        if (kind == PeerKindSpec.MESH && asn.isPresent() && node.asn() != 0 && asn.get() != node.asn()) {
            m.get("asn").orElseThrow().error("a mesh peer is in this node's AS " + node.asn() + ", not " + asn.get());
        }
        return settings(m, address, asn, kind, false, interfaceName);
    }

    List<DynamicPeerSpec> dynamicPeers(YamlValue list) {
        List<DynamicPeerSpec> out = new ArrayList<>();
        Map<Prefix, Integer> ranges = new HashMap<>();
        for (YamlValue item : list.list()) {
            item.map(Keys.DYNAMIC_PEER).ifPresent(m -> dynamicPeer(m).ifPresent(d -> {
                YamlValue at = m.get("range").orElseThrow();
                Integer first = ranges.putIfAbsent(d.range(), at.node().getStartMark().getLine() + 1);
                if (first != null) {
                    at.error("listen range " + d.range() + " is already configured at line " + first);
                } else {
                    out.add(d);
                }
            }));
        }
        return out;
    }

    private Optional<DynamicPeerSpec> dynamicPeer(YamlMap m) {
        Optional<Prefix> range = m.required("range").flatMap(YamlValue::prefix);
        PeerKindSpec kind = kind(m);
        Optional<PeerAsSpec> peerAs = kind == PeerKindSpec.MESH && m.get("peerAs").isEmpty()
                ? Optional.of(new PeerAsSpec.Exactly(node.asn()))
                : m.required("peerAs").flatMap(this::peerAs);
        if (peerAs.isPresent() && node.asn() != 0) {
            PeerAsSpec rule = peerAs.get();
            boolean admitsOwn = switch (rule) {
                case PeerAsSpec.Exactly e -> e.asn() == node.asn();
                case PeerAsSpec.Range r -> r.first() <= node.asn() && node.asn() <= r.last();
                case PeerAsSpec.External x -> false;
            };
            // Only a peerAs the file gives can be wrong: a mesh range's default is the node's AS.
            YamlValue at = m.get("peerAs").orElse(null);
            if (kind == PeerKindSpec.MESH && !(rule instanceof PeerAsSpec.Exactly e && e.asn() == node.asn())) {
                at.error("mesh peers are in this node's AS " + node.asn() + ", not " + rule);
                peerAs = Optional.empty();
            } else if (kind == PeerKindSpec.EXTERNAL && admitsOwn) {
                at.error(rule + " admits this node's AS " + node.asn() + "; internal peers need kind: mesh");
                peerAs = Optional.empty();
            }
        }
        int maxSessions = m.get("maxSessions").flatMap(v -> v.integer(1, 65535)).orElse(DynamicPeerSpec.DEFAULT_MAX_SESSIONS);
        long representative = peerAs.map(r -> r.representative(node.asn())).orElse(0L);
        Optional<PeerSpec> settings = settings(m, range.map(Prefix::address), peerAs.map(r -> representative), kind, true,
                Optional.empty());
        if (range.isEmpty() || peerAs.isEmpty() || settings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DynamicPeerSpec(range.get(), peerAs.get(), maxSessions, settings.get()));
    }

    /** {@code 65001}, {@code "65001-65010"} or {@code external}. */
    private Optional<PeerAsSpec> peerAs(YamlValue v) {
        Optional<String> text = v.text();
        if (text.filter("external"::equals).isPresent()) {
            return Optional.of(new PeerAsSpec.External());
        }
        if (text.filter(t -> t.indexOf('-') > 0).isEmpty()) {
            return AsNumbers.read(v).map(PeerAsSpec.Exactly::new);
        }
        String[] ends = text.get().split("-", -1);
        if (ends.length != 2) {
            v.error("'" + text.get() + "' is not an AS, an AS range FIRST-LAST or external");
            return Optional.empty();
        }
        Optional<Long> first = AsNumbers.parse(v, ends[0].strip());
        Optional<Long> last = AsNumbers.parse(v, ends[1].strip());
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        if (first.get() > last.get()) {
            v.error("AS range " + text.get() + " is empty: " + first.get() + " is above " + last.get());
            return Optional.empty();
        }
        return Optional.of(new PeerAsSpec.Range(first.get(), last.get()));
    }

    Optional<GatewayPeerSpec> gatewayPeer(YamlMap m) {
        AddressFamily family = m.get("family").flatMap(v -> v.oneOf(Keys.of("ipv4", "ipv6")))
                .map(f -> f.equals("ipv6") ? AddressFamily.IPV6 : AddressFamily.IPV4).orElse(AddressFamily.IPV4);
        Optional<Long> asn = m.required("asn").flatMap(AsNumbers::read);
        IpAddress placeholder = family == AddressFamily.IPV6 ? IpAddress.parse("::") : IpAddress.parse("0.0.0.0");
        return settings(m, Optional.of(placeholder), asn, PeerKindSpec.EXTERNAL, false, Optional.empty())
                .map(p -> new GatewayPeerSpec(family, p));
    }

    private static PeerKindSpec kind(YamlMap m) {
        return m.get("kind").flatMap(v -> v.oneOf(Keys.of("external", "mesh")))
                .map(k -> k.equals("mesh") ? PeerKindSpec.MESH : PeerKindSpec.EXTERNAL).orElse(PeerKindSpec.EXTERNAL);
    }

    /**
     * The settings every kind of peer shares, from whichever of their keys the section allows; empty when
     * {@code address} or {@code asn} is (their error is recorded). {@code interfaceName}: an unnumbered peer's link.
     */
    private Optional<PeerSpec> settings(YamlMap m, Optional<IpAddress> address, Optional<Long> asn, PeerKindSpec kind,
            boolean alwaysPassive, Optional<String> interfaceName) {
        Optional<IpAddress> local = m.get("localAddress").flatMap(YamlValue::address);
        if (local.isPresent() && address.isPresent() && local.get().family() != address.get().family()) {
            m.get("localAddress").orElseThrow().error("'" + local.get() + "' is not of the same family as the peer address " + address.get());
        }
        int port = m.get("port").flatMap(v -> v.integer(1, 65535)).orElse(179);
        PasswordSpec password = password(m);
        TtlSpec ttl = ttl(m);
        TimersSpec timers = m.get("timers").flatMap(v -> v.map(Keys.TIMERS)).flatMap(this::timers).orElse(TimersSpec.DEFAULT);
        List<FamilySpec> families = m.get("families")
                .map(v -> v.distinctListOf(item -> item.parsed(t -> FamilySpec.parse(t).orElseThrow(() ->
                        new IllegalArgumentException("'" + t + "' is not a supported family; expected 'ipv4 unicast' or 'ipv6 unicast'")))))
                .orElseGet(() -> interfaceName.isPresent() ? List.of(FamilySpec.IPV4_UNICAST, FamilySpec.IPV6_UNICAST)
                        : address.map(a -> List.of(FamilySpec.unicast(a.family()))).orElse(List.of()));
        if (m.get("families").filter(v -> v.node() instanceof org.yaml.snakeyaml.nodes.SequenceNode s && s.getValue().isEmpty()).isPresent()) {
            m.get("families").orElseThrow().error("a peer needs at least one family");
        }
        boolean passive = alwaysPassive || m.get("passive").flatMap(YamlValue::bool).orElse(false);
        Optional<String> importPolicy = m.get("importPolicy").flatMap(this::policyName);
        Optional<String> exportPolicy = m.get("exportPolicy").flatMap(this::policyName);
        Optional<MaxPrefixSpec> maxPrefix = m.get("maxPrefix").flatMap(v -> v.map(Keys.MAX_PREFIX)).flatMap(this::maxPrefix)
                .or(() -> kind == PeerKindSpec.EXTERNAL ? Optional.of(MaxPrefixSpec.EXTERNAL_DEFAULT) : Optional.empty());
        boolean rrClient = m.get("routeReflectorClient").flatMap(YamlValue::bool).orElse(false);
        if (rrClient && !roles.routeReflector()) {
            m.get("routeReflectorClient").orElseThrow().error("needs roles.routeReflector: true");
        }
        boolean nextHopSelf = m.get("nextHopSelf").flatMap(YamlValue::bool).orElse(false);
        BfdSpec bfd = m.get("bfd").map(this::bfd).orElse(BfdSpec.DISABLED);
        NextHopSpec nextHop = m.get("nextHop").flatMap(v -> v.map(Keys.NEXT_HOP)).map(PeerReader::nextHop)
                .orElse(NextHopSpec.NONE);
        if (address.isEmpty() || asn.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PeerSpec(address.get(), asn.get(), local, port, password, ttl, timers, families, passive,
                importPolicy, exportPolicy, maxPrefix, rrClient, nextHopSelf, kind, bfd, nextHop, interfaceName));
    }

    /** Each family's address checked on its own line: an address of the other family, or one no host can use. */
    private static NextHopSpec nextHop(YamlMap m) {
        Optional<Ipv4Address> ipv4 = m.get("ipv4").flatMap(v -> v.ipv4().filter(a -> unicast(v, a)));
        Optional<Ipv6Address> ipv6 = m.get("ipv6").flatMap(v -> v.ipv6().filter(a -> unicast(v, a)).filter(a -> {
            if (a.isLinkLocal()) {
                v.error("'" + a + "' is link-local; give a global address (the link-local of the session's"
                        + " interface is sent next to it on its own)");
                return false;
            }
            return true;
        }));
        return new NextHopSpec(ipv4, ipv6);
    }

    private static boolean unicast(YamlValue v, IpAddress a) {
        boolean usable = switch (a) {
            // 0.0.0.0/8, 127.0.0.0/8 and 224.0.0.0/3 (multicast, reserved, broadcast) are no host's next hop.
            case Ipv4Address v4 -> (v4.bits() >>> 24) != 0 && (v4.bits() >>> 24) != 127 && (v4.bits() >>> 29) < 7;
            // ::, ::1 and ff00::/8.
            case Ipv6Address v6 -> !(v6.high() == 0 && (v6.low() == 0 || v6.low() == 1)) && (v6.high() >>> 56) != 0xff;
        };
        if (!usable) {
            v.error("'" + a + "' is not a unicast address a peer can send to");
        }
        return usable;
    }

    /**
     * A Linux interface name: 1..15 octets (IFNAMSIZ less the terminating NUL), no '/', no white space,
     * not "." or ".." (the kernel's dev_valid_name). Each interface carries one unnumbered peer.
     */
    private Optional<String> interfaceName(YamlValue v) {
        Optional<String> name = v.word();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String n = name.get();
        if (n.length() > 15 || n.equals(".") || n.equals("..") || n.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c) || c > 0x7e)) {
            v.error("'" + n + "' is not a Linux interface name (1..15 characters, no '/', ':' or spaces)");
            return Optional.empty();
        }
        int line = v.node().getStartMark().getLine() + 1;
        Integer first = seenInterfaces.putIfAbsent(n, line);
        if (first != null) {
            v.error("interface " + n + " already has a peer at line " + first);
            return Optional.empty();
        }
        return name;
    }

    /** What an unnumbered session decides by itself: its source is our link-local address, and it is one hop. */
    private static void unnumberedChecks(YamlMap m) {
        m.get("localAddress").ifPresent(v -> v.error("an interface peer is reached from our link-local address on that interface; remove localAddress"));
        m.get("multihop").ifPresent(v -> v.error("an interface peer is on the link itself; multihop does not apply"));
    }

    private Optional<String> policyName(YamlValue v) {
        return v.word().filter(name -> {
            if (policyNames.contains(name)) {
                return true;
            }
            String hint = Suggestions.closest(name, policyNames).map(s -> ", did you mean '" + s + "'?").orElse("");
            v.error("policy '" + name + "' is not defined under policies" + hint);
            return false;
        });
    }

    private PasswordSpec password(YamlMap m) {
        Optional<YamlValue> inline = m.get("password");
        Optional<YamlValue> file = m.get("passwordFile");
        if (inline.isPresent() && file.isPresent()) {
            file.get().error("give password or passwordFile, not both");
            return PasswordSpec.NONE;
        }
        if (inline.isPresent()) {
            return inline.get().parsed(Secret::new).<PasswordSpec>map(PasswordSpec.Inline::new).orElse(PasswordSpec.NONE);
        }
        return file.flatMap(this::passwordFile).orElse(PasswordSpec.NONE);
    }

    private Optional<PasswordSpec> passwordFile(YamlValue v) {
        Optional<String> name = v.word();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path path = baseDir.resolve(name.get());
        String content;
        try {
            content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            v.error("cannot read " + path + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.OTHERS_READ)) {
                v.warning(path + " is readable by every user; chmod o-r it (a TCP MD5 key is a secret)");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // No POSIX permissions to check (not a Linux file system): nothing to warn about.
        }
        // Editors add a final newline; it is not part of the key.
        String secret = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        try {
            return Optional.of(new PasswordSpec.File(path, new Secret(secret)));
        } catch (IllegalArgumentException e) {
            v.error(path + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private TtlSpec ttl(YamlMap m) {
        Optional<YamlValue> gtsm = m.get("gtsm");
        Optional<YamlValue> multihop = m.get("multihop");
        if (gtsm.isPresent() && multihop.isPresent()) {
            multihop.get().error("give gtsm or multihop, not both: GTSM sends TTL 255 by definition (RFC 5082 §3)");
            return TtlSpec.SYSTEM_DEFAULT;
        }
        if (gtsm.isPresent()) {
            YamlValue v = gtsm.get();
            Optional<String> t = v.text();
            if (t.filter("true"::equals).isPresent()) {
                return new TtlSpec.Gtsm(1);
            }
            if (t.filter("false"::equals).isPresent()) {
                return TtlSpec.SYSTEM_DEFAULT;
            }
            return v.integer(1, 254, "true, false or a hop count in 1..254").<TtlSpec>map(h -> new TtlSpec.Gtsm(h.intValue()))
                    .orElse(TtlSpec.SYSTEM_DEFAULT);
        }
        return multihop.flatMap(v -> v.integer(1, 255)).<TtlSpec>map(TtlSpec.Multihop::new).orElse(TtlSpec.SYSTEM_DEFAULT);
    }

    private Optional<TimersSpec> timers(YamlMap m) {
        Optional<Integer> hold = m.get("holdTime").flatMap(v -> v.integer(0, 65535));
        int h = hold.orElse(TimersSpec.DEFAULT.holdTime());
        // RFC 4271 §4.2: the hold time is zero or at least three seconds.
        if (h == 1 || h == 2) {
            m.get("holdTime").orElseThrow().error(h + " is not a valid hold time (RFC 4271 §4.2: 0 or 3..65535)");
            return Optional.empty();
        }
        Optional<YamlValue> kaValue = m.get("keepalive");
        int ka = kaValue.flatMap(v -> v.integer(0, 21845)).orElse(h / 3);
        if (kaValue.isPresent()) {
            if (h == 0 && ka != 0) {
                kaValue.get().error("must be 0 when holdTime is 0 (no keepalives are sent, RFC 4271 §10)");
                return Optional.empty();
            }
            if (h != 0 && ka == 0) {
                kaValue.get().error("0 would send no keepalives while the peer's hold timer of " + h + "s runs out");
                return Optional.empty();
            }
            if (ka * 3 > h) {
                kaValue.get().error(ka + " is more than a third of holdTime " + h
                        + "; a lost keepalive would drop the session (RFC 4271 §10)");
                return Optional.empty();
            }
        }
        int retry = m.get("connectRetry").flatMap(v -> v.integer(1, 65535)).orElse(TimersSpec.DEFAULT.connectRetry());
        return Optional.of(new TimersSpec(h, ka, retry));
    }

    /** {@code bfd: true}, or a mapping whose {@code enabled} defaults to true: naming BFD asks for it. */
    private BfdSpec bfd(YamlValue v) {
        if (!(v.node() instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            return v.bool().map(on -> on ? BfdSpec.DEFAULT : BfdSpec.DISABLED).orElse(BfdSpec.DISABLED);
        }
        return v.map(Keys.BFD).map(m -> new BfdSpec(
                m.get("enabled").flatMap(YamlValue::bool).orElse(true),
                m.get("minTx").flatMap(this::bfdInterval).orElse(BfdSpec.DEFAULT.minTx()),
                m.get("minRx").flatMap(this::bfdInterval).orElse(BfdSpec.DEFAULT.minRx()),
                m.get("multiplier").flatMap(x -> x.integer(2, 255)).orElse(BfdSpec.DEFAULT.multiplier()),
                m.get("multihop").flatMap(YamlValue::bool).orElse(false))).orElse(BfdSpec.DISABLED);
    }

    private Optional<Duration> bfdInterval(YamlValue v) {
        return v.integer(BfdSpec.MIN_INTERVAL.toMillis(), BfdSpec.MAX_INTERVAL.toMillis(), "in 10..60000 milliseconds")
                .map(Duration::ofMillis);
    }

    private Optional<MaxPrefixSpec> maxPrefix(YamlMap m) {
        Optional<Long> limit = m.required("limit").flatMap(v -> v.integer(1, 0xFFFF_FFFFL, "a prefix count in 1..4294967295"));
        int warning = m.get("warningPercent").flatMap(v -> v.integer(1, 100)).orElse(MaxPrefixSpec.EXTERNAL_DEFAULT.warningPercent());
        String action = m.get("action").flatMap(v -> v.oneOf(Keys.of("teardown", "stop"))).orElse("teardown");
        Optional<YamlValue> restart = m.get("restartAfter");
        MaxPrefixSpec.OnExceed onExceed;
        if (action.equals("stop")) {
            restart.ifPresent(v -> v.error("restartAfter applies to action teardown; a stopped peer keeps its session"));
            onExceed = new MaxPrefixSpec.StopAccepting();
        } else {
            // restartAfter: 0 leaves a torn-down session to an operator, as FRR's maximum-prefix without "restart".
            MaxPrefixSpec.Teardown byDefault = (MaxPrefixSpec.Teardown) MaxPrefixSpec.EXTERNAL_DEFAULT.onExceed();
            Optional<Duration> after = restart.isEmpty() ? byDefault.restartAfter()
                    : restart.get().seconds(0, 86_400).filter(s -> !s.isZero());
            onExceed = new MaxPrefixSpec.Teardown(after);
        }
        return limit.map(l -> new MaxPrefixSpec(l, warning, onExceed));
    }
}
