package dev.podbgp.k8s.source;

import dev.podbgp.config.state.DesiredState;

/**
 * Receives each new desired state, on the source's own thread, never twice the same value in a
 * row. The daemon diffs it against the running one ({@link dev.podbgp.config.state.DesiredStateDiff}).
 */
@FunctionalInterface
public interface DesiredStateListener {
    void onDesiredState(DesiredState state);
}
