package dev.podbgp.bench;

import java.io.IOException;

/**
 * The two namespaces of one daemon's run and the veth pair between them: the daemon's side
 * holds 192.0.2.254/24 (and 2001:db8:ffff::fe/64 when IPv6 is fed), the feeders' side one
 * address per feeder. IPv6 addresses skip duplicate detection, so they are usable at once (a
 * tentative address cannot be bound) and their routes are in before the FIB count's baseline;
 * the link is private to the run.
 */
final class FeedLink {

    private FeedLink() {}

    static void create(String targetNs, String feederNs, FeedPlan plan) throws IOException, InterruptedException {
        Exec.check("ip", "netns", "add", targetNs);
        Exec.check("ip", "netns", "add", feederNs);
        Exec.check("ip", "-n", targetNs, "link", "add", "ftb0", "type", "veth", "peer", "name", "ftb0", "netns", feederNs);
        for (String ns : new String[] {targetNs, feederNs}) {
            Exec.check("ip", "-n", ns, "link", "set", "lo", "up");
        }
        Exec.check("ip", "-n", targetNs, "addr", "add", FullTableBenchmark.TARGET_ADDRESS + "/24", "dev", "ftb0");
        for (int i = 0; i < plan.feeders(); i++) {
            Exec.check("ip", "-n", feederNs, "addr", "add", plan.feederAddress(i) + "/24", "dev", "ftb0");
        }
        if (plan.hasIpv6()) {
            Exec.check("ip", "-n", targetNs, "addr", "add", FeedPlan.TARGET_ADDRESS6 + "/64", "dev", "ftb0", "nodad");
            for (int i = 0; i < plan.feeders(); i++) {
                Exec.check("ip", "-n", feederNs, "addr", "add", plan.feederAddress6(i) + "/64", "dev", "ftb0", "nodad");
            }
        }
        for (String ns : new String[] {targetNs, feederNs}) {
            // No duplicate detection for the link-local addresses either: the IPv6 FIB count's baseline
            // (taken once the daemon listens) must not miss their routes, added only when DAD ends.
            Exec.check("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.ftb0.accept_dad=0");
            Exec.check("ip", "-n", ns, "link", "set", "ftb0", "up");
        }
        for (int i = 0; i < 50; i++) {
            if (Exec.check("ip", "-n", targetNs, "-6", "addr", "show", "dev", "ftb0", "tentative").isBlank()
                    && Exec.check("ip", "-n", feederNs, "-6", "addr", "show", "dev", "ftb0", "tentative").isBlank()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("IPv6 addresses on ftb0 still tentative after 5 s");
    }
}
