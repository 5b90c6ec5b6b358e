package dev.podbgp.rib.event;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.bgp.wire.nlri.NlriVisitor;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Rib;

/**
 * Turns one received UPDATE into RIB calls. Withdrawals first, then announcements (RFC 4271 §9: a prefix in both
 * fields of one UPDATE ends up announced). Prefixes are read through {@link NlriVisitor}, so the walk itself
 * allocates nothing beyond the prefix handed to the RIB. One instance per RIB thread: it is reused per UPDATE.
 */
public final class UpdateApplier implements NlriVisitor {

    private final Rib rib;
    private PeerInfo peer;
    private PathAttributes attributes;
    private IpAddress nextHop;
    private Ipv6Address linkLocalNextHop;
    private boolean announcing;

    public UpdateApplier(Rib rib) {
        this.rib = rib;
    }

    /**
     * Applies {@code update} from {@code peer}.
     *
     * @return the family this UPDATE was the End-of-RIB marker of (RFC 4724 §2), or null
     */
    public Family apply(PeerInfo peer, Update update) {
        Family eor = update.endOfRibFamily();
        if (eor != null) {
            rib.endOfRib(peer, eor);
            return eor;
        }
        this.peer = peer;
        try {
            announcing = false;
            for (Nlri withdrawn : update.withdrawals()) {
                withdrawn.forEach(this);
            }
            PathAttributes all = update.attributes();
            // The next hop lives in the Route, not in the attribute set: routes from different next hops then
            // share one interned set.
            attributes = all.withoutNlri().without(AttributeType.NEXT_HOP.code());
            announcing = true;
            NextHop nh = all.nextHop();
            if (!update.nlri().isEmpty()) {
                if (nh == null) {
                    // The decoder turns this into treat-as-withdraw (RFC 7606 §3 d); a hand-built UPDATE may not.
                    announcing = false;
                }
                nextHop = nh == null ? null : nh.address();
                update.nlri().forEach(this);
                announcing = true;
            }
            MpReachNlri mr = all.mpReach();
            if (mr != null && !mr.nlri().isEmpty()) {
                // RFC 4760 §3: MP_REACH_NLRI carries its own next hop; for IPv4 NLRI it may be IPv6 (RFC 8950).
                // A zero global half (BIRD on an unnumbered link) leaves the link-local half as the next hop.
                nextHop = mr.forwardingNextHop();
                // RFC 2545 §3: the second address of a 32-octet next hop is the link-local one. One that is not
                // link-local is no use for forwarding on the link; the global next hop alone is kept, as FRR does.
                Ipv6Address ll = mr.linkLocalNextHop();
                linkLocalNextHop = ll != null && ll.isLinkLocal() ? ll : null;
                mr.nlri().forEach(this);
            }
            return null;
        } finally {
            this.peer = null;
            attributes = null;
            nextHop = null;
            linkLocalNextHop = null;
        }
    }

    @Override
    public void ipv4(long pathId, int bits, int length) {
        Ipv4Prefix prefix = new Ipv4Prefix(bits, length);
        if (announcing) {
            rib.announce(peer, prefix, (int) pathId, attributes, nextHop);
        } else {
            rib.withdraw(peer, prefix, (int) pathId);
        }
    }

    @Override
    public void ipv6(long pathId, long high, long low, int length) {
        Ipv6Prefix prefix = new Ipv6Prefix(high, low, length);
        if (announcing) {
            rib.announce(peer, prefix, (int) pathId, attributes, nextHop, linkLocalNextHop);
        } else {
            rib.withdraw(peer, prefix, (int) pathId);
        }
    }
}
