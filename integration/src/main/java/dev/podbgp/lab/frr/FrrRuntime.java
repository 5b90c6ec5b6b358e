package dev.podbgp.lab.frr;

import java.util.List;

/** A running FRR, whichever backend: what {@link FrrPeer} needs from it. */
sealed interface FrrRuntime permits NamespaceFrr, ContainerFrr {
    /** Runs one vtysh invocation with these {@code -c} commands; returns stdout or throws. */
    String vtysh(List<String> commands);

    void freeze();

    void thaw();

    void stop();

    String logs();
}
