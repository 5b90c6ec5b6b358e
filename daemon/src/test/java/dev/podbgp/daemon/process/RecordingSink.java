package dev.podbgp.daemon.process;

import dev.podbgp.bgp.exabgp.Command;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What helpers asked the RIB for, in order. */
final class RecordingSink implements RouteSink {
    final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();

    @Override
    public void announce(Command.Announce announce) {
        commands.add(announce);
    }

    @Override
    public void withdraw(Command.Withdraw withdraw) {
        commands.add(withdraw);
    }

    /** The next command, waiting up to {@code timeout}; fails when none came. */
    Command next(Duration timeout) throws InterruptedException {
        Command c = commands.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) {
            throw new AssertionError("no command within " + timeout);
        }
        return c;
    }
}
