package dev.podbgp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podbgp.daemon.cni.CniRunner;
import dev.podbgp.daemon.cni.TargetNamespace;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A pod: its own network namespace and the addresses host-local gave its eth0, one per podCIDR family. */
public record Pod(Node namespace, List<IpAddress> addresses) {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode parsed;
        try {
            parsed = JSON.readTree(Files.readAllBytes(conflist));
        } catch (IOException e) {
            throw new UncheckedIOException("no conflist at " + conflist + " (has podbgp started?)", e);
        }
        ObjectNode leased = parsed.deepCopy();
        for (JsonNode plugin : leased.path("plugins")) {
            if (plugin.path("ipam") instanceof ObjectNode ipam && ipam.has("type")) {
                ipam.put("dataDir", ipamDir.toString());
            }
        }
        Node podNs = node.lab().node(label);
        CniRunner runner = new CniRunner(TargetNamespace.named(node.name()));
        CniRunner.Attachment a = CniRunner.Attachment.of(podNs.name(), Path.of("/var/run/netns", podNs.name()));
        node.lab().onClose("CNI DEL " + label, () -> runner.del(leased, a, Optional.empty()));
        CniRunner.Result r = runner.add(leased, a);
        return new Pod(podNs, r.addresses());
    }

    @Override
    public String toString() {
        return namespace.name() + " " + addresses;
    }
}
