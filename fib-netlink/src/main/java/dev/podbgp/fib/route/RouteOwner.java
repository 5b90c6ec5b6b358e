package dev.podbgp.fib.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which kernel routes are ours: the routing protocol number we write (rtm_protocol), the table
 * and the metric. Every request carries the protocol, and the kernel's delete matches on it, so
 * routes of other protocols (kernel, static, FRR's 186 "bgp", BIRD's 12) are never touched.
 */
public record RouteOwner(int protocol, int table, int priority) {

    /**
     * Used by no common routing suite: not the kernel's RTPROT_* values nor iproute2's rt_protos
     * (zebra 11, BIRD 12, keepalived 18, babel 42, openr 99), not FRR's 186-197 (its own
     * rt_protos names 196 "static", so zebra took our routes for its own), not Calico's 80.
     * docs/fib.md says more.
     */
    public static final int PODBGP_PROTOCOL = 244;
    public static final int MAIN_TABLE = 254;
    public static final String NAME = "podbgp";

    public RouteOwner {
        if (protocol < 5 || protocol > 255) {
            throw new IllegalArgumentException("protocol " + protocol + " is outside 5..255 (0-4 belong to the kernel)");
        }
        if (table <= 0 || table == 255) {
            throw new IllegalArgumentException("table " + table + " is unspec or local");
        }
        if (priority < 0) {
            throw new IllegalArgumentException("priority " + priority + " is negative");
        }
    }

    public static RouteOwner mainTable() {
        return new RouteOwner(PODBGP_PROTOCOL, MAIN_TABLE, 20);
    }

    /**
     * Registers the protocol's name for iproute2 ({@code ip route} then shows {@code proto podbgp}):
     * writes {@code DIR/podbgp.conf}, normally in {@code /etc/iproute2/rt_protos.d}.
     */
    public Path registerName(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(NAME + ".conf");
        Files.writeString(file, "# written by podbgp: the protocol number of its routes\n" + protocol + "\t" + NAME + "\n");
        return file;
    }
}
