package dev.podbgp.daemon.run;

import dev.podbgp.config.AggregateSpec;
import dev.podbgp.config.state.DesiredListenRange;
import dev.podbgp.config.ProcessSpec;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.ServiceRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The running configuration, defaults applied, as {@code podbgp show config} prints it: the
 * settings the daemon converged to, whichever source (file, Kubernetes) produced them.
 * Passwords are never printed.
 */
final class ConfigText {

    private ConfigText() {
    }

    static String of(DesiredState s) {
        StringBuilder b = new StringBuilder();
        b.append("node:\n");
        b.append("  name: ").append(s.node().name()).append('\n');
        b.append("  routerId: ").append(s.node().routerId()).append('\n');
        b.append("  asn: ").append(s.node().asn()).append('\n');
        b.append("  podCidrs: ").append(s.originated()).append('\n');
        b.append("  clusterPodCidrs: ").append(s.clusterPodCidrs()).append('\n');
        b.append("listen: ").append(s.listen().address()).append(" port ").append(s.listen().port()).append('\n');
        b.append("roles: routeReflector=").append(s.roles().routeReflector())
                .append(s.roles().clusterId().map(id -> " clusterId=" + id).orElse(""))
                .append(" transit=").append(s.roles().transit()).append('\n');
        b.append("peers:\n");
        List<DesiredPeer> all = new ArrayList<>(s.peers());
        all.addAll(s.interfacePeers());
        for (DesiredPeer p : all) {
            if (p.unnumbered()) {
                // The configured form: the address it runs at (once heard) is in show neighbors.
                b.append("  - interface: ").append(p.interfaceName().orElseThrow()).append('\n');
            } else {
                b.append("  - address: ").append(p.address()).append('\n');
            }
            b.append("    asn: ").append(p.asn()).append('\n');
            b.append("    kind: ").append(p.kind().name().toLowerCase(Locale.ROOT)).append('\n');
            b.append("    families: ").append(p.families()).append('\n');
            b.append("    timers: hold ").append(p.timers().holdTime()).append(" keepalive ").append(p.timers().keepalive())
                    .append(" connectRetry ").append(p.timers().connectRetry()).append('\n');
            b.append("    ttl: ").append(p.ttl()).append('\n');
            b.append("    password: ").append(p.password().isPresent() ? "set" : "none").append('\n');
            p.importPolicy().ifPresent(n -> b.append("    importPolicy: ").append(n).append('\n'));
            p.exportPolicy().ifPresent(n -> b.append("    exportPolicy: ").append(n).append('\n'));
            p.maxPrefix().ifPresent(m -> b.append("    maxPrefix: ").append(m.limit()).append(" (warn at ")
                    .append(m.warningPercent()).append("%, ").append(m.onExceed()).append(")\n"));
            if (p.routeReflectorClient()) {
                b.append("    routeReflectorClient: true\n");
            }
            if (p.nextHopSelf()) {
                b.append("    nextHopSelf: true\n");
            }
            if (p.passive()) {
                b.append("    passive: true\n");
            }
        }
        if (!s.listenRanges().isEmpty()) {
            b.append("dynamicPeers:\n");
            for (DesiredListenRange r : s.listenRanges()) {
                DesiredPeer t = r.template();
                b.append("  - range: ").append(r.range()).append('\n');
                b.append("    peerAs: ").append(r.peerAs()).append('\n');
                b.append("    maxSessions: ").append(r.maxSessions()).append('\n');
                b.append("    kind: ").append(t.kind().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
                b.append("    families: ").append(t.families()).append('\n');
                b.append("    password: ").append(t.password().isPresent() ? "set" : "none").append('\n');
            }
        }
        s.gatewayPeer().ifPresent(g -> b.append("defaultGatewayPeer: ")
                .append(g.family().name().toLowerCase(java.util.Locale.ROOT)).append(" asn ").append(g.template().asn())
                .append(" (among the peers above once the default route has a gateway)\n"));
        b.append("policies: ").append(s.policies().keySet()).append('\n');
        if (!s.aggregates().isEmpty()) {
            b.append("aggregates:\n");
            for (AggregateSpec a : s.aggregates()) {
                List<String> to = new ArrayList<>();
                a.peerKinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT)).sorted().forEach(to::add);
                a.peerAddresses().forEach(address -> to.add(address.toString()));
                b.append("  - ").append(a.prefix()).append(a.summaryOnly() ? " summaryOnly" : "").append(" to ")
                        .append(to).append('\n');
            }
        }
        if (!s.serviceRoutes().isEmpty()) {
            // Why each is announced: the Services behind it (docs/services.md).
            b.append("serviceRoutes:\n");
            for (ServiceRoute r : s.serviceRoutes()) {
                b.append("  - ").append(r.prefix()).append(' ').append(r.kind().label());
                if (!r.services().isEmpty()) {
                    b.append(" of ").append(r.services());
                }
                if (!r.communities().isEmpty()) {
                    b.append(" communities ").append(r.communities());
                }
                if (!r.largeCommunities().isEmpty()) {
                    b.append(" largeCommunities ").append(r.largeCommunities());
                }
                r.localPreference().ifPresent(p -> b.append(" localPreference ").append(p));
                b.append('\n');
            }
        }
        b.append("fib: table ").append(s.fib().table()).append(" protocol ").append(s.fib().protocol())
                .append(" ecmpWidth ").append(s.fib().ecmpWidth()).append(" keepOnExit ").append(s.fib().keepOnExit()).append('\n');
        b.append("gracefulRestart: enabled ").append(s.gracefulRestart().enabled()).append(" restartTime ")
                .append(s.gracefulRestart().restartTime()).append(" llgrStaleTime ").append(s.gracefulRestart().llgrStaleTime()).append('\n');
        b.append("cni: confDir ").append(s.cni().confDir()).append(" bridge ").append(s.cni().bridgeName())
                .append(" mtu ").append(s.cni().mtu().isPresent() ? String.valueOf(s.cni().mtu().getAsInt()) : "uplink").append('\n');
        b.append("controlSocket: ").append(s.controlSocket()).append('\n');
        b.append("metrics: ").append(s.metrics().enabled() ? s.metrics().address() + ":" + s.metrics().port() : "off").append('\n');
        b.append("processes:").append(s.processes().isEmpty() ? " []\n" : "\n");
        for (ProcessSpec p : s.processes()) {
            b.append("  - name: ").append(p.name()).append('\n');
            b.append("    run: ").append(p.run()).append('\n');
            b.append("    encoder: ").append(p.encoder().name().toLowerCase(java.util.Locale.ROOT)).append(" ack ")
                    .append(p.ack()).append(" respawn ").append(p.respawn()).append('\n');
            b.append("    receive: neighborChanges ").append(p.receive().neighborChanges()).append(" negotiated ")
                    .append(p.receive().negotiated()).append(" update ").append(p.receive().update()).append('\n');
        }
        b.append("logging: ").append(s.logging().format()).append(' ').append(s.logging().level()).append('\n');
        return b.toString();
    }
}
