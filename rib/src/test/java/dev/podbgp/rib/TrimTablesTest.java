package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.LOCAL_AS;
import static dev.podbgp.rib.Fixtures.ebgp;
import static dev.podbgp.rib.Fixtures.ip;
import static dev.podbgp.rib.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Rib#trimTables()} gives back table room, never a route: the Loc-RIB and soft-reconfiguration store stay whole. */
class TrimTablesTest {

    private static final PeerInfo TOR = ebgp(1, "192.0.2.1", 64512, "10.0.0.1");
    private static final int LOADED = 40_000;

    private static Prefix prefix(int i) {
        return new Ipv4Prefix(0x0A00_0000 | i << 8, 24);
    }

    @Test
    void aTableMostlyWithdrawnIsTrimmedWithEveryRouteLeftAndItsStoreStillReapplies() {
        Rib rib = new Rib(Fixtures.ROUTER_ID, BestPathOptions.defaults(LOCAL_AS));
        List<LocRibChange> changes = new ArrayList<>();
        rib.addListener(changes::add);
        rib.addPeer(TOR, PeerImport.acceptAll(TOR, LOCAL_AS).withSoftReconfiguration(true));
        for (int i = 0; i < LOADED; i++) {
            rib.announce(TOR, prefix(i), 0, path(64512).build(), ip("192.0.2.1"));
        }
        Prefix v6 = Ipv6Prefix.parse("2001:db8::/48");
        rib.announce(TOR, v6, 0, path(64512).build(), ip("192.0.2.1"));
        for (int i = 0; i < LOADED; i++) {
            if (i % 10 != 0) {
                rib.withdraw(TOR, prefix(i), 0);
            }
        }
        changes.clear();

        rib.trimTables();
        rib.trimTables();

        assertThat(changes).as("a trim is no routing change").isEmpty();
        assertThat(rib.prefixCount()).isEqualTo(LOADED / 10 + 1);
        assertThat(rib.importStats(TOR).prePolicy()).isEqualTo(LOADED / 10 + 1);
        for (int i = 0; i < LOADED; i++) {
            assertThat(rib.decision(prefix(i)) != null).as("prefix %d", i).isEqualTo(i % 10 == 0);
        }
        assertThat(rib.decision(v6)).isNotNull();
        // Re-applying import reads the trimmed store: every stored route comes back as it was, nothing changes.
        rib.reapplyImport(TOR);
        assertThat(rib.prefixCount()).isEqualTo(LOADED / 10 + 1);
        assertThat(changes).isEmpty();
        // And both tables grow again as before.
        for (int i = LOADED; i < 2 * LOADED; i++) {
            rib.announce(TOR, prefix(i), 0, path(64512).build(), ip("192.0.2.1"));
        }
        assertThat(rib.prefixCount()).isEqualTo(LOADED / 10 + 1 + LOADED);
        assertThat(rib.importStats(TOR).prePolicy()).isEqualTo(LOADED / 10 + 1 + LOADED);
    }
}
