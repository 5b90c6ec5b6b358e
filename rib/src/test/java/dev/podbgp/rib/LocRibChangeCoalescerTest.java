package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.LOCAL_AS;
import static dev.podbgp.rib.Fixtures.ebgp;
import static dev.podbgp.rib.Fixtures.ip;
import static dev.podbgp.rib.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the latest state per prefix reaches the FIB writer (DESIGN "Threads"). */
class LocRibChangeCoalescerTest {

    private static final Prefix P1 = Ipv4Prefix.parse("203.0.113.0/24");
    private static final Prefix P2 = Ipv4Prefix.parse("198.51.100.0/24");

    private final PeerInfo tor1 = ebgp(1, "192.0.2.1", 64512, "10.0.0.1");
    private final PeerInfo tor2 = ebgp(2, "192.0.2.2", 64512, "10.0.0.2");
    private final LocRibChangeCoalescer fib = new LocRibChangeCoalescer();
    private final Rib rib = new Rib(Fixtures.ROUTER_ID, BestPathOptions.defaults(LOCAL_AS), ImportPolicy.ACCEPT_ALL);

    {
        rib.addListener(fib);
    }

    @Test
    void aFlappingPrefixReachesTheFibOnceWithItsLatestState() {
        rib.announce(tor1, P1, 0, path(64512, 1).build(), ip("192.0.2.1"));
        rib.announce(tor2, P2, 0, path(64512).build(), ip("192.0.2.2"));
        rib.announce(tor2, P1, 0, path(64512).build(), ip("192.0.2.2"));
        rib.withdraw(tor2, P1, 0);
        rib.withdraw(tor1, P1, 0);
        rib.announce(tor1, P1, 0, path(64512, 7).build(), ip("192.0.2.1"));
        assertThat(fib.pendingCount()).isEqualTo(2);
        List<LocRibChange> batch = fib.drain();
        assertThat(batch).extracting(LocRibChange::prefix).containsExactly(P1, P2);
        LocRibChange.Selected latest = (LocRibChange.Selected) batch.getFirst();
        assertThat(latest.best().attributes().asPath().length()).isEqualTo(2);
        assertThat(latest.best().attributes().asPath().contains(7)).isTrue();
        assertThat(fib.isEmpty()).isTrue();
        assertThat(fib.drain()).isEmpty();
    }

    @Test
    void aWithdrawAfterAnAnnounceLeavesOnlyTheWithdraw() {
        rib.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        rib.withdraw(tor1, P1, 0);
        assertThat(fib.drain()).containsExactly(new LocRibChange.Withdrawn(P1));
    }

    @Test
    void boundedDrainTakesTheOldestFirstAndKeepsTheRest() {
        rib.announce(tor1, P1, 0, path(64512).build(), ip("192.0.2.1"));
        rib.announce(tor1, P2, 0, path(64512).build(), ip("192.0.2.1"));
        assertThat(fib.drain(1)).extracting(LocRibChange::prefix).containsExactly(P1);
        rib.withdraw(tor1, P1, 0);
        assertThat(fib.drain(5)).extracting(LocRibChange::prefix).containsExactly(P2, P1);
    }
}
