package dev.podbgp.config;

import dev.podbgp.inet.IpAddress;
import java.util.List;

/** The iBGP node-to-node mesh of the static mode: the other nodes' addresses, in this node's AS. */
public record MeshSpec(boolean enabled, List<IpAddress> peers) {
    public static final MeshSpec DEFAULT = new MeshSpec(true, List.of());

    public MeshSpec {
        peers = List.copyOf(peers);
    }
}
