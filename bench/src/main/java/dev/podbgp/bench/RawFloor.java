package dev.podbgp.bench;

import dev.podbgp.fib.netlink.NetlinkSocket;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.fib.route.RouteOwner;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code --floor}: the kernel floor for the run's FIB times, measured in the same run. The raw
 * netlink writer of {@link FibInstallBenchmark} ({@link RawRouteBatches}: fixed messages, 256
 * per send, one ack per route) installs the same IPv4 /24s the feeders announce, in address
 * order, via 192.0.2.1 into the main table of a scratch namespace shaped like a daemon's (a
 * veth with 192.0.2.254/24). No daemon can put the table into the kernel faster than this.
 */
final class RawFloor {

    private static final int MAIN_TABLE = 254;
    private static final int BATCH = 256;
    private static final int GATEWAY = 0xC0000201;

    /** Wall time and this JVM's CPU time for the install, and requests the kernel refused. */
    record Figures(long installMillis, long cpuMillis, long routes, int refused) {}

    private RawFloor() {}

    static Figures measure(long routes) throws IOException, InterruptedException {
        if (routes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(routes + " routes");
        }
        String name = "pbt-ftb-" + ProcessHandle.current().pid() + "-floor";
        Exec.check("ip", "netns", "add", name);
        try {
            Exec.check("ip", "-n", name, "link", "add", "d0", "type", "veth", "peer", "name", "d1");
            Exec.check("ip", "-n", name, "link", "set", "d1", "up");
            Exec.check("ip", "-n", name, "link", "set", "d0", "up");
            Exec.check("ip", "-n", name, "addr", "add", FullTableBenchmark.TARGET_ADDRESS + "/24", "dev", "d0");
            try (NetlinkSocket socket = NetworkNamespace.named(name).call(NetlinkSocket::open)) {
                socket.setBufferSizes(4 << 20, 4 << 20);
                long cpu0 = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis();
                long t0 = System.nanoTime();
                int refused = RawRouteBatches.run(socket, true, UpdateStream.ipv4Bits(0), (int) routes, 1, BATCH,
                        MAIN_TABLE, RouteOwner.PODBGP_PROTOCOL, 20, GATEWAY);
                long wall = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                long cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() - cpu0;
                return new Figures(wall, cpu, routes, refused);
            }
        } finally {
            Exec.check("ip", "netns", "del", name);
        }
    }
}
