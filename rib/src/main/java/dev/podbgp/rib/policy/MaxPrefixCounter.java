package dev.podbgp.rib.policy;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.message.Notification;

/**
 * Watches one peer's accepted-prefix count in one family against its {@link MaxPrefixLimit}.
 * It only remembers whether it warned, so the warning is logged once per crossing; it keeps no
 * timers (the restart delay is returned) and belongs to the one thread that counts the peer's
 * accepted prefixes, the RIB thread.
 */
public final class MaxPrefixCounter {

    private final MaxPrefixLimit limit;
    private final Family family;
    private boolean warned;

    public MaxPrefixCounter(MaxPrefixLimit limit, Family family) {
        this.limit = limit;
        this.family = family;
    }

    /** Call with the number of prefixes accepted from the peer after each change. */
    public MaxPrefixVerdict observe(long accepted) {
        if (accepted > limit.limit()) {
            return switch (limit.onExceed()) {
                case MaxPrefixLimit.Teardown t -> new MaxPrefixVerdict.TearDown(cease(), t.restartAfter(), accepted);
                case MaxPrefixLimit.StopAccepting s -> new MaxPrefixVerdict.StopAccepting(accepted - limit.limit(), limit.limit());
            };
        }
        if (accepted < limit.warningThreshold()) {
            // Re-arm: after withdrawals bring the count down, the next climb warns again.
            warned = false;
            return new MaxPrefixVerdict.Ok();
        }
        if (warned) {
            return new MaxPrefixVerdict.Ok();
        }
        warned = true;
        return new MaxPrefixVerdict.Warn(accepted, limit.warningThreshold(), limit.limit());
    }

    /** Forget the warning, for a new session. */
    public void reset() {
        warned = false;
    }

    /**
     * RFC 4486 §4: Cease subcode 1, whose data MAY be the AFI (2 octets), SAFI (1 octet) and the
     * upper bound (4 octets). We always send them: the peer's operator then sees which family and
     * which limit, as FRR and BIRD show it.
     */
    private Notification cease() {
        byte[] data = new WireWriter(7).u16(family.afi()).u8(family.safi()).u32(limit.limit()).toByteArray();
        return Notification.of(BgpError.CEASE_MAXIMUM_PREFIXES_REACHED, data);
    }
}
