package dev.podbgp.daemon.cni;

import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole node-side pairing in two calls, for the daemon (host namespace) and the demo (a lab
 * node): {@link #apply} on start and whenever the podCIDRs or settings change, {@link #cleanup}
 * for {@code podbgp cleanup}.
 */
public final class CniPairing {

    /**
     * What the config's {@code cni} section says.
     *
     * @param confDir     CNI conf dir, usually {@code /etc/cni/net.d}
     * @param fileName    our conflist's name in it
     * @param bridge      bridge name
     * @param mtu         a fixed MTU; empty = the uplink's
     * @param uplink      the uplink interface to take the MTU from; empty = the default route's device
     * @param ipamDataDir host-local's lease directory; empty = the plugin's default
     */
    /**
     * @param peers addresses of the BGP peers: on a node without a default route, the devices reaching them are
     *     the uplink whose MTU the bridge takes
     */
    public record Settings(Path confDir, String fileName, String bridge, Optional<Integer> mtu,
            Optional<String> uplink, Optional<Path> ipamDataDir, List<String> peers) {

        public Settings {
            peers = List.copyOf(peers);
        }

        public static Settings defaults() {
            return new Settings(CniConfigWriter.DEFAULT_CONF_DIR, CniConfigWriter.DEFAULT_FILE_NAME,
                    CniConflist.DEFAULT_BRIDGE, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }

        public Settings withConfDir(Path dir) {
            return new Settings(dir, fileName, bridge, mtu, uplink, ipamDataDir, peers);
        }

        public Settings withUplink(String iface) {
            return new Settings(confDir, fileName, bridge, mtu, Optional.of(iface), ipamDataDir, peers);
        }

        public Settings withIpamDataDir(Path dir) {
            return new Settings(confDir, fileName, bridge, mtu, uplink, Optional.of(dir), peers);
        }

        public Settings withPeers(List<String> addresses) {
            return new Settings(confDir, fileName, bridge, mtu, uplink, ipamDataDir, addresses);
        }
    }

    private final TargetNamespace ns;
    private final Settings settings;
    private final CniConfigWriter writer;
    private final HostNetworking host;

    public CniPairing(TargetNamespace ns, Settings settings) {
        this.ns = ns;
        this.settings = settings;
        this.writer = new CniConfigWriter(settings.confDir(), settings.fileName());
        this.host = new HostNetworking(ns);
    }

    /** The conflist {@link #apply} would write now (MTU looked up if not fixed). */
    public CniConflist conflist(List<Prefix> nodePodCidrs) {
        int mtu = settings.mtu().orElseGet(() -> UplinkMtu.of(ns, settings.uplink(), settings.peers()));
        CniConflist c = CniConflist.of(nodePodCidrs, mtu).withBridge(settings.bridge());
        return settings.ipamDataDir().map(c::withIpamDataDir).orElse(c);
    }

    /**
     * Forwarding and the nftables table first, then the conflist: a pod the runtime creates as
     * soon as the file appears finds the node ready to carry its traffic. Returns whether the
     * conflist file changed.
     */
    public boolean apply(List<Prefix> nodePodCidrs, List<Prefix> clusterPodCidrs) throws IOException {
        CniConflist c = conflist(nodePodCidrs);
        host.apply(new PodbgpNftTable(clusterPodCidrs));
        return writer.write(c);
    }

    /** Removes our conflist (no new pods get our network), then our nftables table. */
    public void cleanup() throws IOException {
        writer.remove();
        host.cleanup();
    }

    public Path conflistFile() {
        return writer.file();
    }
}
