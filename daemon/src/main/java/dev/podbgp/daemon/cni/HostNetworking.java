package dev.podbgp.daemon.cni;

import dev.podbgp.inet.AddressFamily;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The node-side kernel settings pod traffic needs beyond the bridge: forwarding on, and the
 * {@link PodbgpNftTable} in place. Applied in a {@link TargetNamespace}: the host for the daemon,
 * a lab namespace in tests and the demo.
 *
 * <p>nftables is driven with {@code nft -f -} rather than netlink from Java: the nftables netlink
 * protocol (expressions, set elements, batches) is large, and {@code nft -f} already applies a
 * whole script as one kernel transaction, which is the property we need. The rules are few and
 * change only with the cluster pod CIDRs, so forking a process per change costs nothing.
 *
 * <p>Cleanup removes our table only. Forwarding stays on: other things on the host (a container
 * engine, VPNs) may rely on it, and we cannot know whether it was on because of us.
 */
public final class HostNetworking {
    private final TargetNamespace ns;

    public HostNetworking(TargetNamespace ns) {
        this.ns = ns;
    }

    /**
     * Turns on IPv4 forwarding (and IPv6 when the cluster has IPv6 pod CIDRs), then installs or
     * replaces our table. Idempotent.
     *
     * <p>Note: with IPv6 forwarding on, the kernel ignores router advertisements on interfaces
     * whose {@code accept_ra} is 1; a host that gets its IPv6 default route by SLAAC needs
     * {@code accept_ra=2} on its uplink.
     */
    public void apply(PodbgpNftTable table) {
        sysctl("net.ipv4.ip_forward", "1");
        if (table.clusterPodCidrs().stream().anyMatch(p -> p.family() == AddressFamily.IPV6)) {
            sysctl("net.ipv6.conf.all.forwarding", "1");
        }
        nft(table.script());
    }

    /** Removes our table if it exists; never touches any other table. */
    public void cleanup() {
        nft(PodbgpNftTable.deleteScript());
    }

    /** The current value of a sysctl in the target namespace, e.g. {@code net.ipv4.ip_forward}. */
    public String sysctlValue(String key) {
        return Exec.run(ns.wrap(List.of("sysctl", "-n", key))).orThrow().strip();
    }

    /**
     * Writes only a value that differs: a container's /proc/sys is read-only (the DaemonSet's pod
     * is not privileged), so on a node whose own configuration already forwards, as a Kubernetes
     * node's does, podbgp must not fail on a write it does not need.
     */
    private void sysctl(String key, String value) {
        if (!sysctlValue(key).equals(value)) {
            Exec.run(ns.wrap(List.of("sysctl", "-q", "-w", key + "=" + value))).orThrow();
        }
    }

    private void nft(String script) {
        Exec.Result r = Exec.run(ns.wrap(List.of("nft", "-f", "-")), script.getBytes(StandardCharsets.UTF_8), Map.of(),
                Exec.DEFAULT_TIMEOUT);
        if (!r.ok()) {
            throw new IllegalStateException("nft -f in " + ns + " failed (exit " + r.exitCode() + "): "
                    + r.stderr().strip() + "\nscript:\n" + script);
        }
    }
}
