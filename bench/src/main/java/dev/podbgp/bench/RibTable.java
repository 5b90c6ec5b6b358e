package dev.podbgp.bench;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.rib.BestPathOptions;
import dev.podbgp.rib.PeerImport;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Rib;

/**
 * A synthetic full table for the RIB benchmarks: {@code n} distinct IPv4 /24s sharing 1,000
 * attribute sets (ORIGIN, a 2-6 AS path, MED, two communities). Consecutive prefixes share an
 * attribute set in runs of {@link #PREFIXES_PER_UPDATE}, as prefixes packed into one UPDATE do.
 */
final class RibTable {

    static final int ATTRIBUTE_SETS = 1_000;
    static final int PREFIXES_PER_UPDATE = 4;
    static final long LOCAL_AS = 65000;

    final Ipv4Prefix[] prefixes;
    final PathAttributes[] attributes = new PathAttributes[ATTRIBUTE_SETS];
    final PeerInfo peerA = new PeerInfo(0, Ipv4Address.parse("192.0.2.1"), 64512,
            Ipv4Address.parse("10.0.0.1"), false, false);
    final PeerInfo peerB = new PeerInfo(1, Ipv4Address.parse("192.0.2.2"), 64513,
            Ipv4Address.parse("10.0.0.2"), false, false);

    RibTable(int n) {
        prefixes = new Ipv4Prefix[n];
        for (int i = 0; i < n; i++) {
            // 1.0.0.0/24 upwards: n distinct /24s.
            prefixes[i] = new Ipv4Prefix((0x0100_0000 + (i << 8)), 24);
        }
        for (int a = 0; a < ATTRIBUTE_SETS; a++) {
            long[] asns = new long[2 + a % 5];
            for (int j = 0; j < asns.length; j++) {
                asns[j] = 64600 + (a * 7L + j * 13L) % 300; // never our AS 65000: that would be a loop
            }
            attributes[a] = PathAttributes.of(Origin.IGP, AsPath.ofSequence(asns), new MultiExitDisc(a % 10),
                    Communities.of(Communities.community(64512, a), Communities.community(64512, 1)));
        }
    }

    /** An empty Rib with both peers registered, as the daemon registers a peer before its routes arrive. */
    Rib newRib() {
        Rib rib = new Rib(Ipv4Address.parse("10.255.0.1"), BestPathOptions.defaults(LOCAL_AS));
        rib.addPeer(peerA, PeerImport.acceptAll(peerA, LOCAL_AS));
        rib.addPeer(peerB, PeerImport.acceptAll(peerB, LOCAL_AS));
        return rib;
    }

    PathAttributes attributesOf(int i) {
        return attributes[(i / PREFIXES_PER_UPDATE) % ATTRIBUTE_SETS];
    }

    void load(Rib rib, PeerInfo peer) {
        for (int i = 0; i < prefixes.length; i++) {
            rib.announce(peer, prefixes[i], 0, attributesOf(i), peer.address());
        }
    }
}
