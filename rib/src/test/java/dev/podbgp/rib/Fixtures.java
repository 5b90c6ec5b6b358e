package dev.podbgp.rib;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.ClusterList;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.OriginatorId;
import dev.podbgp.bgp.wire.attr.PathAttribute;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/** Peers and attribute sets for RIB tests. Local AS 65000. */
final class Fixtures {

    static final long LOCAL_AS = 65000;
    static final Ipv4Address ROUTER_ID = Ipv4Address.parse("10.255.0.1");

    private Fixtures() {
    }

    static PeerInfo ebgp(int id, String address, long asn, String routerId) {
        return new PeerInfo(id, Ipv4Address.parse(address), asn, Ipv4Address.parse(routerId), false, false);
    }

    static PeerInfo ibgp(int id, String address, String routerId) {
        return new PeerInfo(id, Ipv4Address.parse(address), LOCAL_AS, Ipv4Address.parse(routerId), true, false);
    }

    static IpAddress ip(String s) {
        return Ipv4Address.parse(s);
    }

    static Route route(PeerInfo peer, PathAttributes attrs) {
        return new Route(peer, 0, attrs, peer.address());
    }

    /** An attribute set builder: ORIGIN IGP and the given AS path, then optional attributes. */
    static Attrs path(long... asns) {
        return new Attrs(AsPath.ofSequence(asns));
    }

    static final class Attrs {
        private final List<PathAttribute> list = new ArrayList<>();
        private Origin origin = Origin.IGP;

        Attrs(AsPath path) {
            list.add(path);
        }

        Attrs origin(Origin o) {
            origin = o;
            return this;
        }

        Attrs localPref(long v) {
            list.add(new LocalPref(v));
            return this;
        }

        Attrs med(long v) {
            list.add(new MultiExitDisc(v));
            return this;
        }

        Attrs originatorId(String id) {
            list.add(new OriginatorId(Ipv4Address.parse(id)));
            return this;
        }

        Attrs clusterList(String... ids) {
            int[] v = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                v[i] = Ipv4Address.parse(ids[i]).bits();
            }
            list.add(new ClusterList(v));
            return this;
        }

        Attrs communities(int... values) {
            list.add(Communities.of(values));
            return this;
        }

        PathAttributes build() {
            List<PathAttribute> all = new ArrayList<>(list);
            all.add(origin);
            return PathAttributes.of(all);
        }
    }
}
