package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.exabgp.CommandLexer.Token;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.Aggregator;
import dev.podbgp.bgp.wire.attr.AtomicAggregate;
import dev.podbgp.bgp.wire.attr.ClusterList;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.OriginatorId;
import dev.podbgp.bgp.wire.attr.PathAttribute;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses ExaBGP 4.2 text API commands:
 *
 * <pre>
 * [neighbor IP [KEY VALUE]... [, neighbor IP ...]] announce route PREFIX next-hop self|IP [ATTRIBUTES]
 * [selectors] withdraw route PREFIX [ATTRIBUTES]
 * [selectors] announce attribute[s] next-hop self|IP [ATTRIBUTES] nlri PREFIX [PREFIX]...
 * [selectors] withdraw attributes [ATTRIBUTES] nlri PREFIX [PREFIX]...
 * [selectors] announce eor [AFI SAFI]
 * </pre>
 *
 * ATTRIBUTES are the keywords of ExaBGP's static routes: origin, as-path, med,
 * local-preference, atomic-aggregate, aggregator, community, large-community,
 * extended-community, originator-id, cluster-list, attribute, aigp, path-information, split
 * and name. A refused command comes back as a {@link CommandError} naming the word and what
 * was expected; ExaBGP would answer {@code error}. Deliberate differences from ExaBGP are
 * listed in docs/exabgp-compat.md.
 */
public final class CommandParser {
    private CommandParser() {}

    /** {@code split} may not multiply one route into more than this many. */
    public static final int MAX_SPLIT_ROUTES = 65536;

    private static final Set<String> SELECTOR_KEYS =
            Set.of("neighbor", "local-ip", "local-as", "peer-as", "router-id", "family-allowed");

    public static ParseResult parse(String line) {
        try {
            Cursor in = new Cursor(CommandLexer.tokens(line), line.length());
            return new ParseResult.Parsed(command(in));
        } catch (CommandSyntaxException e) {
            return new ParseResult.Refused(e.error());
        }
    }

    private static Command command(Cursor in) {
        List<PeerSelector> peers = in.peek().equals("neighbor") ? selectors(in) : List.of();
        Token action = in.next("a command: announce or withdraw");
        Command c = switch (action.text()) {
            case "announce" -> {
                Token what = in.next("route, attributes or eor after announce");
                yield switch (what.text()) {
                    case "route" -> route(in, peers, true);
                    case "attribute", "attributes" -> attributes(in, peers, true);
                    case "eor" -> endOfRib(in, peers);
                    default -> throw Cursor.fail(what, "announce is followed by route, attributes or eor; podbgp "
                            + "does not support 'announce " + what.text() + "'");
                };
            }
            case "withdraw" -> {
                Token what = in.next("route or attributes after withdraw");
                yield switch (what.text()) {
                    case "route" -> route(in, peers, false);
                    case "attributes" -> attributes(in, peers, false);
                    default -> throw Cursor.fail(what, "withdraw is followed by route or attributes; podbgp "
                            + "does not support 'withdraw " + what.text() + "'");
                };
            }
            default -> throw Cursor.fail(action, "expected announce or withdraw (after any neighbor selectors)");
        };
        if (!in.atEnd()) {
            throw Cursor.fail(in.next("end of line"), "unexpected word after the command");
        }
        return c;
    }

    // ---- neighbor selectors: ExaBGP's extract_neighbors ----

    private static List<PeerSelector> selectors(Cursor in) {
        List<PeerSelector> out = new ArrayList<>();
        List<PeerSelector.Criterion> current = new ArrayList<>();
        while (true) {
            String key = in.peek();
            if (key.equals(",")) {
                Token comma = in.next(",");
                if (current.isEmpty()) {
                    throw Cursor.fail(comma, "',' separates neighbor selectors and needs one before it");
                }
                out.add(new PeerSelector(current));
                current = new ArrayList<>();
                if (!SELECTOR_KEYS.contains(in.peek())) {
                    throw Cursor.fail(in.next("a neighbor selector after ','"), "after ',' comes another selector "
                            + "such as neighbor IP");
                }
                continue;
            }
            if (!SELECTOR_KEYS.contains(key)) {
                break;
            }
            in.next(key);
            Token v = in.next(key + " needs a value");
            current.add(switch (key) {
                case "neighbor" -> new PeerSelector.Criterion.Neighbor(address(v, "neighbor"));
                case "local-ip" -> new PeerSelector.Criterion.LocalIp(address(v, "local-ip"));
                case "local-as" -> new PeerSelector.Criterion.LocalAs(Numbers.asn(v.text(), v, "local-as"));
                case "peer-as" -> new PeerSelector.Criterion.PeerAs(Numbers.asn(v.text(), v, "peer-as"));
                case "router-id" -> new PeerSelector.Criterion.RouterId(ipv4(v, "router-id"));
                default -> new PeerSelector.Criterion.FamilyAllowed(v.text());
            });
        }
        out.add(new PeerSelector(current));
        return out;
    }

    // ---- routes ----

    /** What the keywords of one route (or one attributes command) said. */
    private static final class RouteParts {
        final Map<Integer, PathAttribute> attributes = new LinkedHashMap<>();
        final Set<String> seen = new HashSet<>();
        NextHopSpec nextHop;
        Token nextHopToken;
        long pathId;
        int split = -1;
        Token splitToken;
    }

    private static Command route(Cursor in, List<PeerSelector> peers, boolean announce) {
        Token prefixToken = in.next("a prefix after route, such as 10.0.0.0/24");
        Prefix prefix = prefix(prefixToken);
        RouteParts parts = new RouteParts();
        while (!in.atEnd()) {
            keyword(in, parts, in.next("a keyword"));
        }
        List<NlriEntry> routes = expand(List.of(prefixToken), List.of(prefix), parts);
        return finish(peers, announce, routes, parts, prefixToken);
    }

    private static Command attributes(Cursor in, List<PeerSelector> peers, boolean announce) {
        RouteParts parts = new RouteParts();
        while (true) {
            Token kw = in.next("'nlri' followed by the prefixes");
            if (kw.text().equals("nlri")) {
                break;
            }
            keyword(in, parts, kw);
        }
        List<Token> tokens = new ArrayList<>();
        List<Prefix> prefixes = new ArrayList<>();
        do {
            Token t = in.next("a prefix after nlri, such as 10.0.0.0/24");
            Prefix p = prefix(t);
            if (!prefixes.isEmpty() && !p.family().equals(prefixes.getFirst().family())) {
                // ExaBGP takes the family of the last prefix for all of them and mangles the others.
                throw Cursor.fail(t, "all prefixes after nlri must be of one family; " + prefixes.getFirst()
                        + " is " + prefixes.getFirst().family() + ", " + p + " is not");
            }
            tokens.add(t);
            prefixes.add(p);
        } while (!in.atEnd());
        return finish(peers, announce, expand(tokens, prefixes, parts), parts, tokens.getFirst());
    }

    private static Command finish(List<PeerSelector> peers, boolean announce, List<NlriEntry> routes, RouteParts parts,
                                  Token prefixToken) {
        if (!announce) {
            // ExaBGP parses a withdrawal's attributes and next hop, then ignores them.
            return new Command.Withdraw(peers, routes);
        }
        if (parts.nextHop == null) {
            throw Cursor.fail(prefixToken, "an announcement needs next-hop self or next-hop IP");
        }
        boolean v6 = routes.getFirst().prefix() instanceof Ipv6Prefix;
        if (v6 && parts.nextHop instanceof NextHopSpec.Address(Ipv4Address a)) {
            throw Cursor.fail(parts.nextHopToken, "an IPv6 route needs an IPv6 next hop (an IPv4 one can be "
                    + "written ::ffff:" + a + ")");
        }
        return new Command.Announce(peers, routes, parts.nextHop, PathAttributes.of(List.copyOf(parts.attributes.values())));
    }

    private static Command endOfRib(Cursor in, List<PeerSelector> peers) {
        if (in.atEnd()) {
            return new Command.EndOfRib(peers, Family.IPV4_UNICAST);
        }
        Token afi = in.next("an AFI");
        Token safi = in.next("a SAFI after the AFI, such as unicast");
        String family = afi.text().toLowerCase(Locale.ROOT) + " " + safi.text().toLowerCase(Locale.ROOT);
        return switch (family) {
            case "ipv4 unicast" -> new Command.EndOfRib(peers, Family.IPV4_UNICAST);
            case "ipv6 unicast" -> new Command.EndOfRib(peers, Family.IPV6_UNICAST);
            default -> throw Cursor.fail(afi, "podbgp routes ipv4 unicast and ipv6 unicast, not " + family);
        };
    }

    private static void keyword(Cursor in, RouteParts parts, Token kw) {
        String k = kw.text();
        if (!parts.seen.add(k) && !k.equals("name")) {
            // ExaBGP keeps the first value of most keywords and the last next hop; a repeated
            // keyword is almost always a mistake, so it is refused rather than half-applied.
            throw Cursor.fail(kw, k + " is given twice");
        }
        switch (k) {
            case "next-hop" -> {
                Token v = in.next("next-hop needs self or an IP address");
                parts.nextHopToken = v;
                parts.nextHop = v.text().equalsIgnoreCase("self") ? NextHopSpec.Self.INSTANCE
                        : new NextHopSpec.Address(address(v, "next-hop"));
            }
            case "path-information" -> {
                Token v = in.next("path-information needs a number or a dotted quad");
                // RFC 7911 §3: a 4-octet path identifier; ExaBGP also takes it as an IPv4-like quad.
                parts.pathId = Numbers.isDecimal(v.text()) ? Numbers.decimal(v, "path-information", Numbers.U32_MAX)
                        : ipv4(v, "path-information").toUnsignedLong();
            }
            case "origin" -> {
                Token v = in.next("origin needs igp, egp or incomplete");
                add(parts, kw, switch (v.text().toLowerCase(Locale.ROOT)) {
                    case "igp" -> Origin.IGP;
                    case "egp" -> Origin.EGP;
                    case "incomplete" -> Origin.INCOMPLETE;
                    default -> throw Cursor.fail(v, "origin must be igp, egp or incomplete");
                });
            }
            case "as-path" -> add(parts, kw, AsPathParser.parse(in));
            case "med" -> add(parts, kw, new MultiExitDisc(
                    Numbers.decimal(in.next("med needs a number"), "med", Numbers.U32_MAX)));
            case "local-preference" -> add(parts, kw, new LocalPref(
                    Numbers.decimal(in.next("local-preference needs a number"), "local-preference", Numbers.U32_MAX)));
            case "atomic-aggregate" -> add(parts, kw, AtomicAggregate.INSTANCE);
            case "aggregator" -> add(parts, kw, aggregator(in));
            case "originator-id" -> add(parts, kw, new OriginatorId(ipv4(in.next("originator-id needs an IPv4 address"),
                    "originator-id")));
            case "cluster-list" -> {
                List<Token> ids = in.oneOrList("cluster-list needs an IPv4 address or a list [ ... ]");
                if (ids.isEmpty()) {
                    throw Cursor.fail(in.previous(), "cluster-list needs at least one cluster id");
                }
                int[] v = new int[ids.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = ipv4(ids.get(i), "cluster-list").bits();
                }
                add(parts, kw, new ClusterList(v));
            }
            case "community" -> add(parts, kw, CommunityParser.community(in));
            case "large-community" -> add(parts, kw, CommunityParser.large(in));
            case "extended-community" -> add(parts, kw, ExtendedCommunityParser.parse(in));
            case "attribute" -> add(parts, kw, GenericAttributeParser.attribute(in));
            case "aigp" -> add(parts, kw, GenericAttributeParser.aigp(in));
            case "split" -> {
                Token v = in.next("split needs /LENGTH");
                if (!v.text().startsWith("/")) {
                    throw Cursor.fail(v, "split needs /LENGTH, such as /24");
                }
                parts.split = (int) Numbers.decimal(v.text().substring(1), v, "split length", 128);
                parts.splitToken = v;
            }
            case "name" -> in.next("name needs a word"); // a label for ExaBGP's logs; nothing on the wire
            case "rd", "route-distinguisher", "label", "bgp-prefix-sid", "bgp-prefix-sid-srv6" ->
                    throw Cursor.fail(kw, k + " belongs to labelled or VPN routes, which podbgp does not support");
            case "watchdog", "withdraw" ->
                    throw Cursor.fail(kw, k + " belongs to ExaBGP's watchdog feature, which podbgp does not support");
            default -> throw Cursor.fail(kw, "unknown keyword '" + k + "'; expected next-hop, origin, as-path, med, "
                    + "local-preference, atomic-aggregate, aggregator, community, large-community, "
                    + "extended-community, originator-id, cluster-list, attribute, aigp, path-information, split or name");
        }
    }

    private static void add(RouteParts parts, Token kw, PathAttribute a) {
        if (a == null) {
            return; // an empty community list: no attribute, as ExaBGP sends none
        }
        if (parts.attributes.putIfAbsent(a.typeCode(), a) != null) {
            throw Cursor.fail(kw, kw.text() + " sets attribute type " + a.typeCode() + ", which this command already set");
        }
    }

    /** {@code aggregator ( ASN:IP )}, parentheses optional, as ExaBGP reads it. */
    private static Aggregator aggregator(Cursor in) {
        Token t = in.next("aggregator needs ( ASN:IPv4 )");
        boolean paren = t.text().equals("(");
        if (paren) {
            t = in.next("ASN:IPv4 inside aggregator ( )");
        }
        int colon = t.text().indexOf(':');
        if (colon < 0 || t.text().indexOf(':', colon + 1) >= 0) {
            throw Cursor.fail(t, "aggregator must be ASN:IPv4, such as 65000:192.0.2.1");
        }
        long asn = Numbers.asn(t.text().substring(0, colon), t, "aggregator AS number");
        Ipv4Address speaker;
        try {
            speaker = Ipv4Address.parse(t.text().substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw Cursor.fail(t, "aggregator address: " + e.getMessage());
        }
        if (paren) {
            Token close = in.next("')' closing aggregator");
            if (!close.text().equals(")")) {
                throw Cursor.fail(close, "aggregator ( ASN:IPv4 ) ends with ')'");
            }
        }
        return new Aggregator(asn, speaker);
    }

    // ---- values ----

    /**
     * A prefix as ExaBGP reads it: a bare address is a host route, host bits are refused, and
     * IPv4 224/4 is ipv4 multicast to ExaBGP, a family podbgp does not route.
     */
    private static Prefix prefix(Token t) {
        String s = t.text();
        if (s.indexOf('.') < 0 && s.indexOf(':') < 0) {
            throw Cursor.fail(t, "expected a prefix such as 10.0.0.0/24 or 2001:db8::/32, not '" + s + "'");
        }
        if (s.indexOf('/') < 0) {
            s = s + (s.indexOf(':') >= 0 ? "/128" : "/32");
        }
        Prefix p;
        try {
            p = Prefix.parse(s);
        } catch (IllegalArgumentException e) {
            throw Cursor.fail(t, "bad prefix: " + e.getMessage());
        }
        if (p instanceof Ipv4Prefix v4 && (v4.bits() >>> 28) == 0xE) {
            throw Cursor.fail(t, p + " is in 224.0.0.0/4, which ExaBGP announces as ipv4 multicast; podbgp routes "
                    + "unicast only");
        }
        return p;
    }

    /** {@code split /N}: the prefix cut into its /N more-specifics, in address order (ExaBGP's split). */
    private static List<NlriEntry> expand(List<Token> tokens, List<Prefix> prefixes, RouteParts parts) {
        List<NlriEntry> out = new ArrayList<>();
        for (int i = 0; i < prefixes.size(); i++) {
            Prefix p = prefixes.get(i);
            int max = p instanceof Ipv4Prefix ? 32 : 128;
            if (parts.split > max) {
                throw Cursor.fail(parts.splitToken, "split /" + parts.split + " is longer than an " + p.family()
                        + " address");
            }
            if (parts.split <= p.length()) {
                out.add(new NlriEntry(parts.pathId, p));
                continue;
            }
            int extraBits = parts.split - p.length();
            if (extraBits > 16 || (long) out.size() + (1L << extraBits) > MAX_SPLIT_ROUTES) {
                throw Cursor.fail(parts.splitToken, "split /" + parts.split + " of " + tokens.get(i).text()
                        + " makes more than " + MAX_SPLIT_ROUTES + " routes");
            }
            for (long k = 0; k < 1L << extraBits; k++) {
                out.add(new NlriEntry(parts.pathId, subPrefix(p, parts.split, k)));
            }
        }
        return out;
    }

    private static Prefix subPrefix(Prefix p, int length, long index) {
        return switch (p) {
            case Ipv4Prefix v4 -> new Ipv4Prefix(v4.bits() | (int) (index << (32 - length)), length);
            case Ipv6Prefix v6 -> {
                // index has at most 16 bits; it lands in the high or low word, or straddles them.
                int shift = 128 - length;
                long hi = v6.high();
                long lo = v6.low();
                if (shift >= 64) {
                    hi |= index << (shift - 64);
                } else {
                    lo |= index << shift;
                    if (shift > 0) {
                        hi |= index >>> (64 - shift);
                    }
                }
                yield new Ipv6Prefix(hi, lo, length);
            }
        };
    }

    private static IpAddress address(Token t, String what) {
        try {
            return IpAddress.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw Cursor.fail(t, what + " must be an IP address: " + e.getMessage());
        }
    }

    private static Ipv4Address ipv4(Token t, String what) {
        try {
            return Ipv4Address.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw Cursor.fail(t, what + " must be an IPv4 address: " + e.getMessage());
        }
    }
}
