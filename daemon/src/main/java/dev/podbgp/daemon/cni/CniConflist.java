package dev.podbgp.daemon.cni;

import dev.podbgp.daemon.json.JsonArray;
import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonValue;
import dev.podbgp.daemon.json.JsonWriter;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CNI network configuration list for one node: {@code bridge} (on-node L2 between pods and
 * the node, the bridge being each pod's gateway), {@code host-local} IPAM handing out addresses
 * from the node's podCIDRs, and {@code portmap} for hostPort mappings. podbgp announces the same
 * podCIDRs over BGP, which is what makes the pods reachable from other nodes.
 *
 * <p>The JSON is a pure function of this record: the podCIDRs are sorted and de-duplicated, keys
 * come in a fixed order and the layout is fixed, so "write only when it changes" can compare
 * bytes.
 *
 * @param networkName CNI network name; host-local keys its lease directory by it
 * @param bridge      bridge interface name on the node
 * @param mtu         MTU of the bridge and the pod interfaces (the uplink's, see {@link UplinkMtu})
 * @param podCidrs    the node's podCIDRs, one host-local range set each (IPv4 and IPv6 for dual stack)
 * @param ipamDataDir host-local's lease directory; empty = the plugin's default
 *                    ({@code /var/lib/cni/networks}). Lab nodes sharing one file system need their own.
 */
public record CniConflist(String networkName, String bridge, int mtu, List<Prefix> podCidrs,
        Optional<Path> ipamDataDir) {

    /** The newest version containernetworking-plugins 1.1.1 (Debian bookworm) accepts. */
    public static final String CNI_VERSION = "1.0.0";
    public static final String DEFAULT_NETWORK_NAME = "podbgp";
    public static final String DEFAULT_BRIDGE = "cni0";

    // Linux IFNAMSIZ is 16 including the NUL; '/' and whitespace are refused by the kernel.
    private static final Pattern IFNAME = Pattern.compile("[^/\\s:]{1,15}");
    private static final Pattern NETWORK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    // RFC 8200 §5: IPv6 links need an MTU of at least 1280; 68 is the IPv4 minimum (RFC 791).
    private static final int MIN_MTU_IPV6 = 1280;
    private static final int MIN_MTU_IPV4 = 68;

    public CniConflist {
        if (!NETWORK_NAME.matcher(networkName).matches()) {
            throw new IllegalArgumentException("CNI network name must be letters, digits, '_', '.', '-': " + networkName);
        }
        if (!IFNAME.matcher(bridge).matches() || bridge.equals(".") || bridge.equals("..")) {
            throw new IllegalArgumentException("not a valid interface name for the bridge: " + bridge);
        }
        podCidrs = podCidrs.stream().distinct().sorted().toList();
        if (podCidrs.isEmpty()) {
            throw new IllegalArgumentException("a node needs at least one podCIDR");
        }
        for (Prefix p : podCidrs) {
            // host-local needs the gateway (first address) and at least one pod address besides it.
            int max = p.family().bitLength() - 2;
            if (p.length() > max) {
                throw new IllegalArgumentException("podCIDR " + p + " is too small: at most /" + max);
            }
        }
        boolean v6 = podCidrs.stream().anyMatch(p -> p.family() == AddressFamily.IPV6);
        int min = v6 ? MIN_MTU_IPV6 : MIN_MTU_IPV4;
        if (mtu < min || mtu > 65535) {
            throw new IllegalArgumentException("bridge MTU " + mtu + " is outside " + min + ".." + 65535);
        }
        ipamDataDir.ifPresent(d -> {
            if (!d.isAbsolute()) {
                throw new IllegalArgumentException("IPAM data dir must be absolute: " + d);
            }
        });
    }

    /** The conflist with the default network and bridge names. */
    public static CniConflist of(List<Prefix> podCidrs, int mtu) {
        return new CniConflist(DEFAULT_NETWORK_NAME, DEFAULT_BRIDGE, mtu, podCidrs, Optional.empty());
    }

    public CniConflist withBridge(String name) {
        return new CniConflist(networkName, name, mtu, podCidrs, ipamDataDir);
    }

    public CniConflist withNetworkName(String name) {
        return new CniConflist(name, bridge, mtu, podCidrs, ipamDataDir);
    }

    public CniConflist withIpamDataDir(Path dir) {
        return new CniConflist(networkName, bridge, mtu, podCidrs, Optional.of(dir));
    }

    /** The gateway host-local gives each range and the bridge takes: the first address. */
    public static IpAddress gateway(Prefix podCidr) {
        return switch (podCidr) {
            case Ipv4Prefix p -> new Ipv4Address(p.bits() + 1);
            // the constructor refuses /128 and /127, so the low word of the network is never all ones
            case Ipv6Prefix p -> new Ipv6Address(p.high(), p.low() + 1);
        };
    }

    /** The conflist as a JSON tree, keys in their final order. */
    public JsonObject toTree() {
        List<JsonValue> ranges = new ArrayList<>();
        for (Prefix p : podCidrs) {
            ranges.add(JsonArray.of(JsonObject.builder().put("subnet", p.toString())
                    .put("gateway", gateway(p).toString()).build()));
        }
        List<JsonValue> routes = new ArrayList<>();
        // no "gw": the plugins route each family's default via that family's range gateway
        if (hasFamily(AddressFamily.IPV4)) {
            routes.add(JsonObject.builder().put("dst", "0.0.0.0/0").build());
        }
        if (hasFamily(AddressFamily.IPV6)) {
            routes.add(JsonObject.builder().put("dst", "::/0").build());
        }
        JsonObject.Builder ipam = JsonObject.builder().put("type", "host-local").put("ranges", new JsonArray(ranges))
                .put("routes", new JsonArray(routes));
        ipamDataDir.ifPresent(d -> ipam.put("dataDir", d.toString()));

        JsonObject bridgePlugin = JsonObject.builder()
                .put("type", "bridge")
                .put("bridge", bridge)
                .put("isGateway", true)
                // podbgp masquerades in its own nftables table, only for traffic leaving the cluster pod
                // CIDRs; the plugin's own masquerade would also NAT pod-to-pod traffic across nodes.
                .put("ipMasq", false)
                // a pod can reach itself through a Service VIP that a node-side proxy sends back to it
                .put("hairpinMode", true)
                .put("mtu", mtu)
                .put("ipam", ipam.build())
                .build();
        JsonObject portmap = JsonObject.builder().put("type", "portmap")
                .put("capabilities", JsonObject.builder().put("portMappings", true).build()).build();
        return JsonObject.builder()
                .put("cniVersion", CNI_VERSION)
                .put("name", networkName)
                .put("plugins", JsonArray.of(bridgePlugin, portmap))
                .build();
    }

    /** Pretty JSON with two-space indents and a final newline, byte-for-byte stable. */
    public String toJson() {
        return JsonWriter.pretty(toTree()) + "\n";
    }

    public byte[] toBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    public boolean hasFamily(AddressFamily family) {
        return podCidrs.stream().anyMatch(p -> p.family() == family);
    }
}
