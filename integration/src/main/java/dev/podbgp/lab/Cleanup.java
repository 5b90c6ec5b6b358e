package dev.podbgp.lab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Undo actions run last-registered first, so processes die before the namespaces they run in
 * and namespaces go before the directories holding their sockets. One failing action does not
 * stop the others; their errors are collected.
 */
final class Cleanup {
    private record Action(String what, Runnable run) {}

    private final Deque<Action> actions = new ArrayDeque<>();

    synchronized void register(String what, Runnable run) {
        actions.push(new Action(what, run));
    }

    /** Runs every action once; returns what failed (empty when all went well). */
    synchronized List<String> runAll() {
        List<String> failures = new ArrayList<>();
        while (!actions.isEmpty()) {
            Action a = actions.pop();
            try {
                a.run().run();
            } catch (RuntimeException e) {
                failures.add(a.what() + ": " + e.getMessage());
            }
        }
        return failures;
    }

    /** Forgets every action without running it (keep-on-failure). */
    synchronized void discard() {
        actions.clear();
    }
}
