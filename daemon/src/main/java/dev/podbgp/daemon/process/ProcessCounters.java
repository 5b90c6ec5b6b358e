package dev.podbgp.daemon.process;

/**
 * What the process API counts, for the daemon's metrics: nothing a helper does is lost quietly. Called from the
 * helpers' threads; implementations must not block.
 */
public interface ProcessCounters {

    ProcessCounters NONE = new ProcessCounters() { };

    /** The helper was started (again). */
    default void started(String process) {
    }

    /** One command line was answered: {@code done} true, or refused. */
    default void command(String process, boolean done) {
    }

    /** An event was dropped because the helper's queue was full. */
    default void eventDropped(String process) {
    }
}
