package dev.podbgp.daemon.cni;

import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The MTU the bridge and the pods should use: that of the uplink, so pod packets never need
 * fragmenting (or, with DF set, get dropped) on their way off the node. There is no overlay
 * and so no encapsulation overhead to subtract.
 *
 * <p>The uplink is a named interface, or else the device(s) of the main table's default route
 * (IPv4 first, then IPv6; all next hops of a multipath route, smallest MTU wins), or, on a node
 * without a default route (one that learns it over BGP, say), the devices that reach the
 * configured BGP peers. Asked with
 * {@code ip -j} in the {@link TargetNamespace} rather than read from {@code /sys/class/net}: sysfs
 * shows the namespace it was mounted from, not the one we target, while {@code ip} asks the
 * kernel over netlink in the namespace it runs in.
 */
public final class UplinkMtu {
    private UplinkMtu() {}

    /** The MTU of {@code iface}, or of the default route's device(s) when empty. */
    public static int of(TargetNamespace ns, Optional<String> iface) {
        return of(ns, iface, List.of());
    }

    /**
     * The MTU of {@code iface}, or of the default route's device(s) when empty, or of the devices that reach
     * {@code peers} when there is no default route.
     */
    public static int of(TargetNamespace ns, Optional<String> iface, List<String> peers) {
        List<String> devices = iface.map(List::of).orElseGet(() -> uplinkDevices(ns, peers));
        int mtu = Integer.MAX_VALUE;
        for (String dev : devices) {
            mtu = Math.min(mtu, linkMtu(ns, dev));
        }
        return mtu;
    }

    private static List<String> uplinkDevices(TargetNamespace ns, List<String> peers) {
        List<String> devs = defaultRouteDevices(ns);
        if (!devs.isEmpty()) {
            return devs;
        }
        TreeSet<String> toPeers = new TreeSet<>();
        for (String peer : peers) {
            Exec.Result r = Exec.run(ns.wrap(List.of("ip", "-j", "route", "get", peer)));
            if (r.ok()) {
                toPeers.addAll(devices(IpJson.objects("ip -j route get", r.stdout())));
            }
        }
        toPeers.remove("lo");
        if (toPeers.isEmpty()) {
            throw new IllegalStateException("no default route in " + ns + " and no route to a BGP peer"
                    + " to find the uplink MTU from; name the uplink interface or set the MTU in the config");
        }
        return new ArrayList<>(toPeers);
    }

    static int linkMtu(TargetNamespace ns, String dev) {
        List<JsonObject> links = IpJson.objects("ip -j link show",
                Exec.run(ns.wrap(List.of("ip", "-j", "link", "show", "dev", dev))).orThrow());
        long mtu = links.isEmpty() ? -1 : links.getFirst().integer("mtu").orElse(-1);
        if (mtu <= 0 || mtu > Integer.MAX_VALUE) {
            throw new IllegalStateException("no MTU for interface " + dev + " in " + ns);
        }
        return (int) mtu;
    }

    static List<String> defaultRouteDevices(TargetNamespace ns) {
        for (String family : List.of("-4", "-6")) {
            List<JsonObject> routes = IpJson.objects("ip -j route show default",
                    Exec.run(ns.wrap(List.of("ip", family, "-j", "route", "show", "default"))).orThrow());
            List<String> devs = devices(routes);
            if (!devs.isEmpty()) {
                return devs;
            }
        }
        return List.of();
    }

    /** Devices named by {@code ip -j route} output: "dev" of a route, or of each multipath next hop. */
    static List<String> devices(List<JsonObject> routes) {
        TreeSet<String> devs = new TreeSet<>();
        for (JsonObject r : routes) {
            r.string("dev").ifPresent(devs::add);
            for (JsonValue nh : r.array("nexthops")) {
                nh.asObject().flatMap(o -> o.string("dev")).ifPresent(devs::add);
            }
        }
        return new ArrayList<>(devs);
    }
}
