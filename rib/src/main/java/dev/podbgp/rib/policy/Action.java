package dev.podbgp.rib.policy;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.LargeCommunities;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import java.util.ArrayList;
import java.util.List;

/** A change a matching rule makes to a route's attributes. Each returns new attributes. */
public sealed interface Action {

    /** LOCAL_PREF (RFC 4271 §5.1.5); only iBGP carries it, so on eBGP export it has no effect on the wire. */
    record SetLocalPref(long value) implements Action {
        public SetLocalPref {
            U32.check(value, "value");
        }
    }

    /** MULTI_EXIT_DISC (RFC 4271 §5.1.4). */
    record SetMed(long value) implements Action {
        public SetMed {
            U32.check(value, "value");
        }
    }

    /** Adds communities not yet present, after the existing ones (RFC 1997 keeps no order; we keep received order). */
    record AddCommunities(List<Community> communities) implements Action {
        public AddCommunities {
            communities = List.copyOf(communities);
        }
    }

    /** Removes these communities; an attribute left empty is dropped, since RFC 7606 §7.8 makes an empty one malformed. */
    record RemoveCommunities(List<Community> communities) implements Action {
        public RemoveCommunities {
            communities = List.copyOf(communities);
        }
    }

    /** Adds large communities not yet present (RFC 8092 §5 asks senders to drop duplicates). */
    record AddLargeCommunities(List<LargeCommunity> communities) implements Action {
        public AddLargeCommunities {
            communities = List.copyOf(communities);
        }
    }

    /** Removes these large communities; an attribute left empty is dropped (RFC 8092 §6: length zero is malformed). */
    record RemoveLargeCommunities(List<LargeCommunity> communities) implements Action {
        public RemoveLargeCommunities {
            communities = List.copyOf(communities);
        }
    }

    /**
     * Prepends an AS {@code times} times to the AS_PATH, to make the path less preferred. With
     * {@code asn} empty the AS is the node's own ({@link PolicyContext#localAs()}); a given AS
     * lets a node speak for an AS it announces on behalf of.
     */
    record Prepend(java.util.OptionalLong asn, int times) implements Action {
        /** RFC 4271 puts no bound; we stop at one segment's 255 so a typo cannot make a huge path. */
        public static final int MAX_TIMES = 255;

        public Prepend {
            if (times < 1 || times > MAX_TIMES) {
                throw new IllegalArgumentException("prepend count " + times + " is outside 1.." + MAX_TIMES);
            }
            if (asn.isPresent()) {
                U32.check(asn.getAsLong(), "AS");
            }
        }

        public static Prepend ownAs(int times) {
            return new Prepend(java.util.OptionalLong.empty(), times);
        }

        public static Prepend as(long asn, int times) {
            return new Prepend(java.util.OptionalLong.of(asn), times);
        }
    }

    default PathAttributes apply(PathAttributes attributes, PolicyContext context) {
        return switch (this) {
            case SetLocalPref s -> attributes.with(new LocalPref(s.value()));
            case SetMed s -> attributes.with(new MultiExitDisc(s.value()));
            case AddCommunities a -> withCommunities(attributes, a.communities(), true);
            case RemoveCommunities r -> withCommunities(attributes, r.communities(), false);
            case AddLargeCommunities a -> withLarge(attributes, a.communities(), true);
            case RemoveLargeCommunities r -> withLarge(attributes, r.communities(), false);
            case Prepend p -> {
                long asn = p.asn().orElse(context.localAs());
                AsPath path = attributes.asPath() != null ? attributes.asPath() : AsPath.EMPTY;
                for (int i = 0; i < p.times(); i++) {
                    path = path.prepend(asn);
                }
                yield attributes.with(path);
            }
        };
    }

    private static PathAttributes withCommunities(PathAttributes attributes, List<Community> change, boolean add) {
        Communities old = attributes.communities();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; old != null && i < old.size(); i++) {
            int v = old.get(i);
            if (add || change.stream().noneMatch(c -> c.value() == v)) {
                out.add(v);
            }
        }
        if (add) {
            for (Community c : change) {
                if (!out.contains(c.value())) {
                    out.add(c.value());
                }
            }
        }
        if (out.isEmpty()) {
            return attributes.without(AttributeType.COMMUNITIES.code());
        }
        return attributes.with(new Communities(out.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static PathAttributes withLarge(PathAttributes attributes, List<LargeCommunity> change, boolean add) {
        LargeCommunities old = attributes.largeCommunities();
        List<LargeCommunity> out = new ArrayList<>();
        for (int i = 0; old != null && i < old.size(); i++) {
            LargeCommunity v = new LargeCommunity(old.get(i, 0), old.get(i, 1), old.get(i, 2));
            if (add || !change.contains(v)) {
                out.add(v);
            }
        }
        if (add) {
            for (LargeCommunity c : change) {
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        if (out.isEmpty()) {
            return attributes.without(AttributeType.LARGE_COMMUNITIES.code());
        }
        long[] triples = new long[3 * out.size()];
        for (int i = 0; i < out.size(); i++) {
            triples[3 * i] = out.get(i).global();
            triples[3 * i + 1] = out.get(i).local1();
            triples[3 * i + 2] = out.get(i).local2();
        }
        return attributes.with(LargeCommunities.of(triples));
    }
}
