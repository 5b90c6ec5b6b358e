package dev.podbgp.bgp.transport;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The time a speaker's sessions read and the scheduler their timers run on. In production the
 * system clock and the peer's event loop; a test gives a clock it moves by hand, so a hold
 * time passes without the test waiting for it. Called on the peer's event loop only.
 */
interface SessionClock {

    SessionClock SYSTEM = new SessionClock() {
        @Override
        public InstantSource time() {
            return InstantSource.system();
        }

        @Override
        public Future<?> schedule(EventLoop loop, Runnable task, Duration delay) {
            return loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    };

    /** What {@link dev.podbgp.bgp.session.BgpSession} measures its deadlines with. */
    InstantSource time();

    /** Runs {@code task} on {@code loop} once {@code delay} has passed on {@link #time()}; cancel to drop it. */
    Future<?> schedule(EventLoop loop, Runnable task, Duration delay);
}
