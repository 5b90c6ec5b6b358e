package dev.podbgp.bench;

import dev.podbgp.bgp.wire.Family;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The feeders of one daemon's run, one {@link FullTableFeeder} per {@link FeedPlan} feeder,
 * each bound to its own address in the feeder namespace. The table goes out as each session
 * comes up; {@link #withdrawAll} and {@link #announceAll} send the plan's withdrawals and the
 * table again (the cycles of {@code --cycles}).
 */
final class FeederFleet implements AutoCloseable {

    private final FeedPlan plan;
    private final List<FullTableFeeder> feeders = new ArrayList<>();
    private final List<byte[][]> tables = new ArrayList<>();
    private List<byte[][]> withdrawals;

    FeederFleet(FeedPlan plan) {
        this.plan = plan;
        for (int i = 0; i < plan.feeders(); i++) {
            byte[][] table = plan.announcements(i);
            tables.add(table);
            feeders.add(new FullTableFeeder(table));
        }
    }

    void start(String namespace) throws UnknownHostException {
        Set<Family> families = plan.hasIpv6() ? Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST) : Set.of(Family.IPV4_UNICAST);
        InetAddress target = InetAddress.getByName(FullTableBenchmark.TARGET_ADDRESS);
        for (int i = 0; i < feeders.size(); i++) {
            feeders.get(i).start(namespace, InetAddress.getByName(plan.feederAddress(i)), target, plan.feederAs(i),
                    FullTableBenchmark.TARGET_AS, FullTableBenchmark.HOLD_TIME, families);
        }
    }

    /** True when every session came up before {@code millis} from now. */
    boolean awaitEstablished(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        for (FullTableFeeder f : feeders) {
            if (!f.awaitEstablished(Math.max(0, (end - System.nanoTime()) / 1_000_000))) {
                return false;
            }
        }
        return true;
    }

    /** When the first session came up: the start of the run's clock. */
    long firstEstablishedNanos() {
        return feeders.stream().mapToLong(FullTableFeeder::establishedNanos).min().orElseThrow();
    }

    /** When the last feeder had its latest stream in the socket, or 0 while one is still sending. */
    long sentNanos() {
        long last = 0;
        for (FullTableFeeder f : feeders) {
            if (f.sentNanos() == 0) {
                return 0;
            }
            last = Math.max(last, f.sentNanos());
        }
        return last;
    }

    int downs() {
        return feeders.stream().mapToInt(FullTableFeeder::downs).sum();
    }

    String lastDown() {
        return feeders.stream().map(FullTableFeeder::lastDown).filter(s -> !s.isEmpty()).findFirst().orElse("");
    }

    void withdrawAll() {
        if (withdrawals == null) {
            withdrawals = new ArrayList<>();
            for (int i = 0; i < feeders.size(); i++) {
                withdrawals.add(plan.withdrawals(i));
            }
        }
        for (int i = 0; i < feeders.size(); i++) {
            feeders.get(i).send(withdrawals.get(i));
        }
    }

    void announceAll() {
        for (int i = 0; i < feeders.size(); i++) {
            feeders.get(i).send(tables.get(i));
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (FullTableFeeder f : feeders) {
            f.close();
        }
    }
}
