package dev.podbgp.lab.exabgp;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import java.nio.file.Path;

/** exabgp.conf for a {@link PeerConfig}, and the API helper script. */
final class ExabgpConfig {
    private ExabgpConfig() {}

    static String render(PeerConfig c, Path helper) {
        StringBuilder sb = new StringBuilder();
        sb.append("process api {\n  run ").append(helper).append(";\n  encoder json;\n}\n");
        for (Neighbor n : c.neighbors()) {
            sb.append("neighbor ").append(n.address()).append(" {\n");
            sb.append("  router-id ").append(c.routerId()).append(";\n");
            sb.append("  local-address ").append(n.localAddress()).append(";\n");
            sb.append("  local-as ").append(c.localAs()).append(";\n");
            sb.append("  peer-as ").append(n.as()).append(";\n");
            sb.append("  hold-time 3;\n");
            n.password().ifPresent(p -> sb.append("  md5-password \"").append(p).append("\";\n"));
            if (n.passive()) {
                sb.append("  passive true;\n");
            }
            // Route refresh (RFC 2918) advertised, so "announce route-refresh" can ask the peer.
            sb.append("  capability {\n    route-refresh;\n  }\n");
            sb.append("  family {\n");
            for (AddressFamily f : n.families()) {
                sb.append("    ").append(f == AddressFamily.IPV4 ? "ipv4" : "ipv6").append(" unicast;\n");
            }
            sb.append("  }\n");
            sb.append("  api {\n    processes [ api ];\n    neighbor-changes;\n")
                    .append("    receive {\n      parsed;\n      update;\n      open;\n      notification;\n      refresh;\n    }\n  }\n");
            sb.append("}\n");
        }
        return sb.toString();
    }

    /**
     * ExaBGP writes JSON and command answers to the helper's stdin and reads commands from its
     * stdout. The helper must keep stdout open (ExaBGP counts a helper whose stdout closes as
     * dead and restarts it), so it ends by following the command file.
     */
    static String helper(Path received, Path commands) {
        return """
                #!/bin/sh
                exec 3<&0
                cat <&3 >> %s &
                exec tail -n +1 -f %s
                """.formatted(received, commands);
    }
}
