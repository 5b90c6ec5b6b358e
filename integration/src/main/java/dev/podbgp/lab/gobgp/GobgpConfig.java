package dev.podbgp.lab.gobgp;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;

/** gobgpd's TOML for a {@link PeerConfig}. */
final class GobgpConfig {
    private GobgpConfig() {}

    static String render(PeerConfig c) {
        StringBuilder sb = new StringBuilder();
        sb.append("[global.config]\n");
        sb.append("  as = ").append(c.localAs()).append('\n');
        sb.append("  router-id = \"").append(c.routerId()).append("\"\n");
        sb.append("  port = 179\n");
        sb.append("  local-address-list = [")
                .append(String.join(", ", c.neighbors().stream().map(n -> "\"" + n.localAddress() + "\"").distinct().toList()))
                .append("]\n");
        for (Neighbor n : c.neighbors()) {
            sb.append("[[neighbors]]\n  [neighbors.config]\n");
            sb.append("    neighbor-address = \"").append(n.address()).append("\"\n");
            sb.append("    peer-as = ").append(n.as()).append('\n');
            n.password().ifPresent(p -> sb.append("    auth-password = \"").append(p).append("\"\n"));
            sb.append("  [neighbors.transport.config]\n");
            sb.append("    local-address = \"").append(n.localAddress()).append("\"\n");
            if (n.passive()) {
                sb.append("    passive-mode = true\n");
            }
            // idle-hold-time-after-reset defaults to 30 s: a reset session would stay down that long.
            sb.append("  [neighbors.timers.config]\n    connect-retry = 1\n    hold-time = 3\n")
                    .append("    keepalive-interval = 1\n    idle-hold-time-after-reset = 1\n");
            // GoBGP sends End-of-RIB (RFC 4724 §2) only with graceful restart configured.
            sb.append("  [neighbors.graceful-restart.config]\n    enabled = true\n    restart-time = 120\n");
            for (AddressFamily f : n.families()) {
                sb.append("  [[neighbors.afi-safis]]\n    [neighbors.afi-safis.config]\n      afi-safi-name = \"")
                        .append(f == AddressFamily.IPV4 ? "ipv4-unicast" : "ipv6-unicast").append("\"\n");
                sb.append("    [neighbors.afi-safis.mp-graceful-restart.config]\n      enabled = true\n");
            }
        }
        return sb.toString();
    }
}
