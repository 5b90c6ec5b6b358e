package dev.podbgp.config.state;

import dev.podbgp.config.PolicySpec;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a reload changes, sorted by what the daemon must do about it: start or stop sessions,
 * reset sessions whose OPEN or connection changes, re-evaluate routes for policy-only changes,
 * re-announce originated prefixes and Service addresses, or refuse to apply and ask for a restart.
 *
 * @param restartRequired  node-level changes that cannot be applied to a running daemon (empty: all can)
 * @param peersAdded       start a session for each
 * @param peersRemoved     Cease / Peer De-configured (RFC 4486 §4) for each
 * @param peersChanged     peers in both states whose settings differ; see {@link #peersToReset()}
 * @param originatedAdded  prefixes to announce
 * @param originatedRemoved prefixes to withdraw
 * @param settingsChanged  other sections that differ and are applied in place (fib, cni, metrics, ...)
 * @param serviceRoutesAnnounced Service addresses new in {@code after}, or with other owners or attributes there
 *                         (announced again with the new attributes)
 * @param serviceRoutesWithdrawn Service addresses {@code after} no longer announces
 */
public record DesiredStateDiff(List<String> restartRequired, List<DesiredPeer> peersAdded,
                               List<DesiredPeer> peersRemoved, List<PeerChange> peersChanged,
                               List<Prefix> originatedAdded, List<Prefix> originatedRemoved,
                               Set<String> settingsChanged, List<ServiceRoute> serviceRoutesAnnounced,
                               List<Prefix> serviceRoutesWithdrawn) {
    public DesiredStateDiff {
        restartRequired = List.copyOf(restartRequired);
        peersAdded = List.copyOf(peersAdded);
        peersRemoved = List.copyOf(peersRemoved);
        peersChanged = List.copyOf(peersChanged);
        originatedAdded = List.copyOf(originatedAdded);
        originatedRemoved = List.copyOf(originatedRemoved);
        settingsChanged = Set.copyOf(settingsChanged);
        serviceRoutesAnnounced = List.copyOf(serviceRoutesAnnounced);
        serviceRoutesWithdrawn = List.copyOf(serviceRoutesWithdrawn);
    }

    public static DesiredStateDiff between(DesiredState before, DesiredState after) {
        List<String> restart = new ArrayList<>();
        // The AS and the BGP identifier are in every OPEN and in every route we originate.
        if (before.node().asn() != after.node().asn()) {
            restart.add("node.asn " + before.node().asn() + " -> " + after.node().asn());
        }
        if (!before.node().routerId().equals(after.node().routerId())) {
            restart.add("node.routerId " + before.node().routerId() + " -> " + after.node().routerId());
        }
        if (!before.listen().equals(after.listen())) {
            restart.add("listen");
        }
        if (!before.controlSocket().equals(after.controlSocket())) {
            restart.add("controlSocket");
        }
        Set<String> settings = new LinkedHashSet<>();
        changed(settings, "node.name", before.node().name(), after.node().name());
        changed(settings, "clusterPodCidrs", before.clusterPodCidrs(), after.clusterPodCidrs());
        changed(settings, "policies", before.policies(), after.policies());
        changed(settings, "roles", before.roles(), after.roles());
        changed(settings, "fib", before.fib(), after.fib());
        changed(settings, "gracefulRestart", before.gracefulRestart(), after.gracefulRestart());
        changed(settings, "cni", before.cni(), after.cni());
        changed(settings, "metrics", before.metrics(), after.metrics());
        changed(settings, "logging", before.logging(), after.logging());
        changed(settings, "aggregates", before.aggregates(), after.aggregates());
        changed(settings, "dynamicPeers", before.listenRanges(), after.listenRanges());
        changed(settings, "defaultGatewayPeer", before.gatewayPeer(), after.gatewayPeer());
        changed(settings, "processes", before.processes(), after.processes());

        List<DesiredPeer> added = new ArrayList<>();
        List<DesiredPeer> removed = new ArrayList<>();
        List<PeerChange> changedPeers = new ArrayList<>();
        for (DesiredPeer a : after.peers()) {
            Optional<DesiredPeer> b = before.peer(a.address());
            if (b.isEmpty()) {
                added.add(a);
                continue;
            }
            Set<PeerField> fields = fields(b.get(), a, before, after);
            if (!fields.isEmpty()) {
                changedPeers.add(new PeerChange(b.get(), a, fields));
            }
        }
        for (DesiredPeer b : before.peers()) {
            if (after.peer(b.address()).isEmpty()) {
                removed.add(b);
            }
        }
        List<Prefix> announce = after.originated().stream().filter(p -> !before.originated().contains(p)).toList();
        List<Prefix> withdraw = before.originated().stream().filter(p -> !after.originated().contains(p)).toList();
        Map<Prefix, ServiceRoute> servicesBefore = byPrefix(before.serviceRoutes());
        Map<Prefix, ServiceRoute> servicesAfter = byPrefix(after.serviceRoutes());
        List<ServiceRoute> serviceAnnounce = after.serviceRoutes().stream()
                .filter(r -> !r.equals(servicesBefore.get(r.prefix()))).toList();
        List<Prefix> serviceWithdraw = before.serviceRoutes().stream().map(ServiceRoute::prefix)
                .filter(p -> !servicesAfter.containsKey(p)).toList();
        return new DesiredStateDiff(restart, added, removed, changedPeers, announce, withdraw, settings, serviceAnnounce,
                serviceWithdraw);
    }

    private static Map<Prefix, ServiceRoute> byPrefix(List<ServiceRoute> routes) {
        Map<Prefix, ServiceRoute> out = new HashMap<>();
        routes.forEach(r -> out.put(r.prefix(), r));
        return out;
    }

    private static void changed(Set<String> out, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(name);
        }
    }

    private static Set<PeerField> fields(DesiredPeer b, DesiredPeer a, DesiredState sb, DesiredState sa) {
        Set<PeerField> f = EnumSet.noneOf(PeerField.class);
        if (b.asn() != a.asn()) {
            f.add(PeerField.ASN);
        }
        check(f, PeerField.LOCAL_ADDRESS, b.localAddress(), a.localAddress());
        check(f, PeerField.PORT, b.port(), a.port());
        check(f, PeerField.PASSWORD, b.password(), a.password());
        check(f, PeerField.TIMERS, b.timers(), a.timers());
        check(f, PeerField.FAMILIES, Set.copyOf(b.families()), Set.copyOf(a.families()));
        check(f, PeerField.TTL, b.ttl(), a.ttl());
        check(f, PeerField.PASSIVE, b.passive(), a.passive());
        check(f, PeerField.GRACEFUL_RESTART, sb.gracefulRestart(), sa.gracefulRestart());
        // A policy counts as changed when the peer names another one or the named one's rules changed.
        check(f, PeerField.IMPORT_POLICY, policy(b.importPolicy(), sb.policies()), policy(a.importPolicy(), sa.policies()));
        check(f, PeerField.EXPORT_POLICY, policy(b.exportPolicy(), sb.policies()), policy(a.exportPolicy(), sa.policies()));
        check(f, PeerField.MAX_PREFIX, b.maxPrefix(), a.maxPrefix());
        check(f, PeerField.ROUTE_REFLECTOR_CLIENT, b.routeReflectorClient(), a.routeReflectorClient());
        check(f, PeerField.NEXT_HOP_SELF, b.nextHopSelf(), a.nextHopSelf());
        check(f, PeerField.KIND, b.kind(), a.kind());
        check(f, PeerField.BFD, b.bfd(), a.bfd());
        check(f, PeerField.NEXT_HOP, b.nextHop(), a.nextHop());
        return f;
    }

    private static Optional<PolicySpec> policy(Optional<String> name, Map<String, PolicySpec> policies) {
        return name.map(policies::get);
    }

    private static void check(Set<PeerField> out, PeerField field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(field);
        }
    }

    /** Nothing to do: the reload changed nothing that matters. */
    public boolean isEmpty() {
        return restartRequired.isEmpty() && peersAdded.isEmpty() && peersRemoved.isEmpty() && peersChanged.isEmpty()
                && originatedAdded.isEmpty() && originatedRemoved.isEmpty() && settingsChanged.isEmpty()
                && serviceRoutesAnnounced.isEmpty() && serviceRoutesWithdrawn.isEmpty();
    }

    /** Peers whose session must be closed and started again (Cease / Other Configuration Change, RFC 4486 §4). */
    public List<IpAddress> peersToReset() {
        return peersChanged.stream().filter(PeerChange::resetsSession).map(c -> c.after().address()).toList();
    }

    /** Peers whose routes are re-evaluated (import: route refresh, RFC 2918; export: Adj-RIB-Out) with the session kept. */
    public List<IpAddress> peersToReevaluate() {
        return peersChanged.stream().filter(c -> !c.resetsSession()).map(c -> c.after().address()).toList();
    }
}
