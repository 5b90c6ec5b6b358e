package dev.podbgp.daemon.run;

import dev.podbgp.daemon.metrics.PodbgpMetrics;
import dev.podbgp.daemon.process.ProcessCounters;

/** The process API's counts, as Prometheus series. */
record ProcessMetrics(PodbgpMetrics metrics) implements ProcessCounters {

    @Override
    public void started(String process) {
        metrics.processStarted(process);
    }

    @Override
    public void command(String process, boolean done) {
        metrics.processCommand(process, done);
    }

    @Override
    public void eventDropped(String process) {
        metrics.processEventDropped(process);
    }
}
