package dev.podbgp.fib.writer;

import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.fib.route.KernelRoute;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.inet.Ipv4PrefixMap;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Makes the kernel's routes of ours in one family equal to the desired state: writes what is
 * missing or different, deletes what nobody wants, or, at a graceful restart, keeps those as
 * stale. Runs on the fib-writer thread (or in {@link FibWriter#start()}), with the batch flushed.
 *
 * <p>The periodic scan runs this every minute over a full table, so the common case keeps nothing
 * per route: the dump streams through once, counting the wanted routes it holds, and only the
 * routes to delete or correct are noted. When every wanted route was there, that is all. Only when
 * some are missing (someone deleted them and the monitor did not say) does a second dump collect
 * the keys present, to find which. A million-route dump held as a list and a set of the correct
 * keys cost about 120 MB of short-lived heap a minute, which the serial collector promoted and
 * kept committed.
 */
final class Reconciliation {

    /** Our routes of one family from the kernel, each handed over as it is read. */
    @FunctionalInterface
    interface Dump {
        void run(Consumer<KernelRoute> visitor) throws IOException;
    }

    private Reconciliation() {}

    /** Reconciles {@code routes} with the kernel's routes of its family that {@code dump} yields. */
    static void reconcile(FamilyRoutes routes, Dump dump, boolean keepStale) throws IOException {
        FirstPass pass = new FirstPass(routes, keepStale);
        dump.run(pass);
        // After the dump: the socket was answering it, so the requests wait until it is done.
        pass.unwanted.forEach(routes::delete);
        pass.wrong.forEach(routes::write);
        // Refused routes are missing by nature and are written again by their retry schedule.
        if (pass.duplicates || pass.wanted != routes.desiredCount() - routes.refusedDesired()) {
            writeMissing(routes, dump);
        }
    }

    /** Writes the wanted routes a second dump does not have (the first one's corrections are flushed by then). */
    private static void writeMissing(FamilyRoutes routes, Dump dump) throws IOException {
        RouteKeys keys = routes.keys();
        Ipv4PrefixMap<Boolean> present = new Ipv4PrefixMap<>(routes.desiredCount() + 16);
        // existingKey, not keyOf: a wanted route has its key, and numbering an unwanted IPv6 prefix here would keep its
        // number with no request whose answer gives it back.
        dump.run(route -> {
            long key = keys.existingKey(route.prefix());
            if (key != -1) {
                present.put(key, Boolean.TRUE);
            }
        });
        routes.forEachDesired((key, want) -> {
            if (present.get(key) == null) {
                routes.write(key);
            }
        });
    }

    /** The streaming pass: what to delete or correct, and how many wanted routes the kernel has. */
    private static final class FirstPass implements Consumer<KernelRoute> {
        private final FamilyRoutes routes;
        private final boolean keepStale;
        final Keys unwanted = new Keys();
        final Keys wrong = new Keys();
        /**
         * Dumped routes that are wanted and not waiting for a retry, correct or not: all are there when it equals
         * the desired count less the refused ones.
         */
        int wanted;
        /**
         * A prefix dumped twice (another program's route under our protocol and table, with another
         * metric, say) would count twice; the kernel dumps one prefix's routes together.
         */
        boolean duplicates;
        private long previous = -1;

        FirstPass(FamilyRoutes routes, boolean keepStale) {
            this.routes = routes;
            this.keepStale = keepStale;
        }

        @Override
        public void accept(KernelRoute route) {
            long key = routes.keys().keyOf(route.prefix());
            duplicates |= key == previous;
            previous = key;
            NextHop want = routes.desired(key);
            if (want == null) {
                if (keepStale) {
                    routes.keepStale(key);
                } else {
                    unwanted.add(key);
                }
                return;
            }
            if (!routes.retrying().contains(key)) {
                wanted++;
            }
            if (!matches(route, want, routes.written(key))) {
                wrong.add(key);
            }
        }
    }

    /** A growing list of keys; usually empty. */
    private static final class Keys {
        private long[] keys = new long[16];
        private int size;

        void add(long key) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
        }

        void forEach(KeyAction action) throws IOException {
            for (int i = 0; i < size; i++) {
                action.apply(keys[i]);
            }
        }
    }

    @FunctionalInterface
    private interface KeyAction {
        void apply(long key) throws IOException;
    }

    /** Whether the kernel's {@code route} is what we want, given what we {@code written} for it. */
    static boolean matches(KernelRoute route, NextHop want, NextHop written) {
        return switch (want) {
            case NextHop.Gateway g -> route.type() == Rtnetlink.RTN_UNICAST && g.address().equals(route.gateway())
                    && (g.ifindex() == 0 || g.ifindex() == route.oif()) && route.nexthopId() == 0;
            case NextHop.Device d -> route.type() == Rtnetlink.RTN_UNICAST && route.gateway() == null
                    && route.oif() == d.ifindex() && route.nexthopId() == 0;
            case NextHop.Blackhole b -> route.type() == Rtnetlink.RTN_BLACKHOLE;
            case NextHop.Unreachable u -> route.type() == Rtnetlink.RTN_UNREACHABLE;
            case NextHop.Object o -> route.nexthopId() == o.id();
            case NextHop.Multipath m -> written instanceof NextHop.Object o ? route.nexthopId() == o.id()
                    : route.multipath().equals(m.paths().stream().map(NextHop.Gateway::address).toList());
        };
    }
}
