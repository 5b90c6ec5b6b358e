package dev.podbgp.daemon.process;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.PeerScope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What helpers asked the RIB for, in order. A release ({@link #forget}) is queued as the withdrawal it amounts to
 * and kept in {@link #forgotten} with its scope; {@link #scopes} has each command's scope, in the same order.
 */
final class RecordingSink implements RouteSink {

    record Forgot(List<Prefix> prefixes, PeerScope scope) {
    }

    final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    final List<PeerScope> scopes = new CopyOnWriteArrayList<>();
    final List<Forgot> forgotten = new CopyOnWriteArrayList<>();

    @Override
    public void announce(Command.Announce announce, PeerScope scope) {
        scopes.add(scope);
        commands.add(announce);
    }

    @Override
    public void withdraw(Command.Withdraw withdraw, PeerScope scope) {
        scopes.add(scope);
        commands.add(withdraw);
    }

    @Override
    public void forget(List<Prefix> prefixes, PeerScope scope) {
        forgotten.add(new Forgot(List.copyOf(prefixes), scope));
        scopes.add(scope);
        commands.add(new Command.Withdraw(List.of(), prefixes.stream().map(NlriEntry::of).toList()));
    }

    void clear() {
        commands.clear();
        scopes.clear();
        forgotten.clear();
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
