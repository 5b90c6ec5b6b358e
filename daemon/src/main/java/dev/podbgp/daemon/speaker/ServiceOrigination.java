package dev.podbgp.daemon.speaker;

import dev.podbgp.config.state.ServiceRoute;
import dev.podbgp.inet.Prefix;
import dev.podbgp.log.EventLog;
import dev.podbgp.rib.event.RibEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Service addresses enter the RIB as local routes, like the podCIDRs: the RIB exports them to the peers and the
 * FIB bridge leaves them out of the kernel ({@link FibBridge}: local routes are not installed). Announcing one
 * again with other attributes replaces the local route (an implicit withdraw to the peers, RFC 4271 §3.1).
 */
final class ServiceOrigination {
    private static final EventLog LOG = EventLog.named("podbgp.services");

    private final Consumer<RibEvent> rib;

    ServiceOrigination(Consumer<RibEvent> rib) {
        this.rib = rib;
    }

    void announce(List<ServiceRoute> routes) {
        for (ServiceRoute r : routes) {
            rib.accept(new RibEvent.Originate(r.prefix(), Origination.of(r)));
            LOG.info("service-route-announced").with("prefix", r.prefix()).with("services", String.join(",", r.services()))
                    .with("kind", r.kind().label()).log();
        }
    }

    void withdraw(List<Prefix> prefixes) {
        for (Prefix p : prefixes) {
            rib.accept(new RibEvent.WithdrawOriginated(p));
            LOG.info("service-route-withdrawn").with("prefix", p).log();
        }
    }
}
