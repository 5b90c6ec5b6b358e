package dev.podbgp.demo;

import dev.podbgp.daemon.cni.CniRunner;
import dev.podbgp.daemon.cni.TargetNamespace;
import dev.podbgp.daemon.json.JsonArray;
import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonParser;
import dev.podbgp.daemon.json.JsonValue;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A pod: its own network namespace and the addresses host-local gave its eth0, one per podCIDR family. */
public record Pod(Node namespace, List<IpAddress> addresses) {
    public Pod {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a pod without an address in " + namespace.name());
        }
    }

    /** The first address host-local gave it: the one of the first podCIDR. */
    public IpAddress address() {
        return addresses.getFirst();
    }

    /** Its address of {@code family}. */
    public IpAddress address(AddressFamily family) {
        return addresses.stream().filter(a -> a.family() == family).findFirst()
                .orElseThrow(() -> new IllegalStateException(this + " has no " + family + " address"));
    }

    /**
     * A new lab namespace {@code label} attached to {@code node} by running {@code conflist}
     * through the real plugins, as the kubelet's runtime would (ADD now, DEL when the lab
     * closes). The one change to the file: host-local keeps its leases in {@code ipamDir}, so
     * nodes sharing this machine never share /var/lib/cni.
     */
    public static Pod attach(Node node, Path conflist, Path ipamDir, String label) {
        JsonObject parsed;
        try {
            parsed = JsonParser.parseObject(Files.readString(conflist));
        } catch (IOException e) {
            throw new UncheckedIOException("no conflist at " + conflist + " (has podbgp started?)", e);
        }
        List<JsonValue> plugins = new ArrayList<>();
        for (JsonValue plugin : parsed.array("plugins")) {
            plugins.add(withIpamDir(plugin, ipamDir));
        }
        JsonObject leased = parsed.with("plugins", new JsonArray(plugins));
        Node podNs = node.lab().node(label);
        CniRunner runner = new CniRunner(TargetNamespace.named(node.name()));
        CniRunner.Attachment a = CniRunner.Attachment.of(podNs.name(), Path.of("/var/run/netns", podNs.name()));
        node.lab().onClose("CNI DEL " + label, () -> runner.del(leased, a, Optional.empty()));
        CniRunner.Result r = runner.add(leased, a);
        return new Pod(podNs, r.addresses());
    }

    /** {@code plugin} with its IPAM plugin's leases in {@code dir}, when it has an IPAM section. */
    private static JsonValue withIpamDir(JsonValue plugin, Path dir) {
        if (plugin instanceof JsonObject p && p.object("ipam").filter(i -> i.has("type")).orElse(null) instanceof JsonObject ipam) {
            return p.with("ipam", ipam.with("dataDir", JsonValue.of(dir.toString())));
        }
        return plugin;
    }

    @Override
    public String toString() {
        return namespace.name() + " " + addresses;
    }
}
