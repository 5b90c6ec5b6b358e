package dev.podbgp.bfd.transport;

import static org.assertj.core.api.Assertions.fail;

import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.inet.IpAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link BfdListener} that queues every move, for a test to wait on. */
final class Moves implements BfdListener {

    record Move(IpAddress peer, BfdState from, BfdState to, Diagnostic diagnostic, long atNanos) {}

    private final BlockingQueue<Move> queue = new LinkedBlockingQueue<>();

    @Override
    public void stateChanged(IpAddress peer, BfdState from, BfdState to, Diagnostic diagnostic, boolean peerCpi) {
        queue.add(new Move(peer, from, to, diagnostic, System.nanoTime()));
    }

    /** The next move into {@code to}, passing over moves into other states; fails after {@code within}. */
    Move awaitTo(BfdState to, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (long left = within.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Move move = queue.poll(left, TimeUnit.NANOSECONDS);
            if (move != null && move.to() == to) {
                return move;
            }
        }
        return fail("no move to " + to + " within " + within);
    }

    /** The moves not yet taken by {@link #awaitTo}. */
    BlockingQueue<Move> pending() {
        return queue;
    }
}
