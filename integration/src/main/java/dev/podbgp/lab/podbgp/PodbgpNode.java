package dev.podbgp.lab.podbgp;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.transport.BgpSpeaker;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.transport.PeerListener;
import dev.podbgp.bgp.transport.SpeakerConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttribute;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.message.UpdatePacker;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Node;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * podbgp in a lab node: a {@link BgpSpeaker} with its sockets in the node's namespace, the
 * routes it originates, and what every peer sent it. Thread-safe: listener callbacks come
 * from the speaker's event loop, tests read from theirs.
 */
public final class PodbgpNode implements AutoCloseable {

    /** How podbgp reaches one peer: the session and the next hops it announces itself with. */
    public record PeerSetup(PeerConfig config, IpAddress nextHop4, IpAddress nextHop6) {}

    private final Node node;
    private final BgpSpeaker speaker;
    private final Map<InetAddress, PeerSetup> setups = new ConcurrentHashMap<>();
    private final Map<Prefix, OriginatedRoute> originated = new ConcurrentHashMap<>();
    private final Map<InetAddress, Map<Prefix, ReceivedRoute>> received = new ConcurrentHashMap<>();
    private final Map<InetAddress, Set<Family>> endOfRib = new ConcurrentHashMap<>();
    private final List<String> downs = new CopyOnWriteArrayList<>();
    private final List<SessionReport.SessionDown> downEvents = new CopyOnWriteArrayList<>();
    private final Map<InetAddress, List<SessionReport.SessionDown>> downsByPeer = new ConcurrentHashMap<>();
    private final Map<InetAddress, Map<Prefix, Integer>> announcements = new ConcurrentHashMap<>();
    private final Map<InetAddress, List<Family>> refreshRequests = new ConcurrentHashMap<>();

    private PodbgpNode(Node node, List<InetSocketAddress> listen) {
        this.node = node;
        this.speaker = BgpSpeaker.start(new SpeakerConfig(listen, 1, true,
                NetworkNamespace.named(node.name()).threadFactory(SpeakerConfig.defaultThreads())), new Listener());
        node.lab().onClose("podbgp speaker in " + node.name(), () -> speaker.shutdown("lab teardown"));
        node.lab().addDiagnostics("podbgp in " + node.name(), this::describe);
    }

    /** Starts a speaker in {@code node}, listening on {@code listen} (inside the node). */
    public static PodbgpNode start(Node node, InetSocketAddress... listen) {
        return new PodbgpNode(node, List.of(listen));
    }

    public Node node() {
        return node;
    }

    public BgpSpeaker speaker() {
        return speaker;
    }

    public BgpPeer addPeer(PeerConfig config, IpAddress nextHop4, IpAddress nextHop6) {
        setups.put(config.address(), new PeerSetup(config, nextHop4, nextHop6));
        received.put(config.address(), new ConcurrentHashMap<>());
        return speaker.addPeer(config);
    }

    public BgpPeer peer(IpAddress address) {
        return speaker.peer(inet(address)).orElseThrow(() -> new IllegalArgumentException("no peer " + address));
    }

    /** Originates (or re-announces) a route to every established peer. */
    public void announce(OriginatedRoute route) {
        originated.put(route.prefix(), route);
        for (BgpPeer p : speaker.peers()) {
            p.negotiated().ifPresent(n -> p.send(updatesFor(p, n, List.of(route))));
        }
    }

    public void withdraw(Prefix prefix) {
        originated.remove(prefix);
        for (BgpPeer p : speaker.peers()) {
            p.negotiated().ifPresent(n -> {
                Family f = family(prefix);
                if (n.families().contains(f)) {
                    p.send(UpdatePacker.withdraw(f, List.of(NlriEntry.of(prefix)), n.codec()));
                }
            });
        }
    }

    /**
     * Stops originating {@code prefix} without telling any peer: no withdrawal goes out, so a peer keeps the route
     * until it learns otherwise, e.g. from an enhanced route refresh answer (RFC 7313 §4) that leaves it out.
     */
    public void forget(Prefix prefix) {
        originated.remove(prefix);
    }

    /** What {@code peer} currently announces to us. */
    public Map<Prefix, ReceivedRoute> receivedFrom(IpAddress peer) {
        return Map.copyOf(received.getOrDefault(inet(peer), Map.of()));
    }

    /** Forgets what {@code peer} sent, so a test can see it arrive again (route refresh). */
    public void forgetReceived(IpAddress peer) {
        received.getOrDefault(inet(peer), new ConcurrentHashMap<>()).clear();
    }

    public Set<Family> endOfRibFrom(IpAddress peer) {
        return Set.copyOf(endOfRib.getOrDefault(inet(peer), Set.of()));
    }

    public List<SessionReport.SessionDown> downs() {
        return List.copyOf(downEvents);
    }

    /** The sessions with {@code peer} that went down, oldest first. */
    public List<SessionReport.SessionDown> downsFrom(IpAddress peer) {
        return List.copyOf(downsByPeer.getOrDefault(inet(peer), List.of()));
    }

    /** How many times {@code peer} announced {@code prefix} (a refresh re-announces it). */
    public int announcementsOf(IpAddress peer, Prefix prefix) {
        return announcements.getOrDefault(inet(peer), Map.of()).getOrDefault(prefix, 0);
    }

    /** The families {@code peer} asked us to re-send (RFC 2918), in order. */
    public List<Family> refreshRequestsFrom(IpAddress peer) {
        return List.copyOf(refreshRequests.getOrDefault(inet(peer), List.of()));
    }

    public SessionState state(IpAddress peer) {
        return peer(peer).state();
    }

    public void awaitEstablished(IpAddress peer, Duration timeout) {
        await(() -> state(peer) == SessionState.ESTABLISHED, timeout, "session with " + peer + " Established");
    }

    public void awaitRoute(IpAddress peer, Prefix prefix, Duration timeout) {
        await(() -> receivedFrom(peer).containsKey(prefix), timeout, prefix + " received from " + peer);
    }

    public void awaitNoRoute(IpAddress peer, Prefix prefix, Duration timeout) {
        await(() -> !receivedFrom(peer).containsKey(prefix), timeout, prefix + " withdrawn by " + peer);
    }

    public void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "\n" + describe());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (BgpPeer p : speaker.peers()) {
            sb.append("peer ").append(p).append(" received=").append(receivedFrom(addressOf(p)).keySet())
                    .append(" eor=").append(endOfRibFrom(addressOf(p))).append('\n');
        }
        sb.append("downs: ").append(downs).append('\n');
        return sb.toString();
    }

    private static IpAddress addressOf(BgpPeer p) {
        return IpAddress.ofBytes(p.config().address().getAddress());
    }

    static InetAddress inet(IpAddress a) {
        try {
            return InetAddress.getByAddress(a.toBytes());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Family family(Prefix p) {
        return p.family() == AddressFamily.IPV4 ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
    }

    /** ORIGIN IGP; AS_PATH [local AS] to eBGP, empty to iBGP; LOCAL_PREF 100 to iBGP (RFC 4271 §5.1). */
    private List<Update> updatesFor(BgpPeer peer, NegotiatedSession n, List<OriginatedRoute> routes) {
        PeerSetup setup = setups.get(peer.config().address());
        long localAs = peer.config().session().localAs();
        boolean ibgp = localAs == peer.config().session().peerAs();
        List<Update> out = new ArrayList<>();
        for (Family family : List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST)) {
            if (!n.families().contains(family)) {
                continue;
            }
            IpAddress nextHop = family.equals(Family.IPV4_UNICAST) ? setup.nextHop4() : setup.nextHop6();
            for (OriginatedRoute r : routes) {
                if (!family(r.prefix()).equals(family) || nextHop == null) {
                    continue;
                }
                List<PathAttribute> attrs = new ArrayList<>(r.optionalAttributes());
                attrs.add(Origin.IGP);
                attrs.add(ibgp ? AsPath.EMPTY : AsPath.ofSequence(localAs));
                if (ibgp) {
                    attrs.add(new LocalPref(100));
                }
                out.addAll(UpdatePacker.announce(family, PathAttributes.of(attrs), nextHop, null,
                        List.of(NlriEntry.of(r.prefix())), n.codec()));
            }
        }
        return out;
    }

    private final class Listener implements PeerListener {
        @Override
        public void established(BgpPeer peer, NegotiatedSession session) {
            List<Update> initial = new ArrayList<>(updatesFor(peer, session, List.copyOf(originated.values())));
            // RFC 4724 §2: End-of-RIB for every family once the initial table is out.
            for (Family f : session.families()) {
                initial.add(session.endOfRib(f));
            }
            peer.send(initial);
        }

        @Override
        public void refreshRequested(BgpPeer peer, Family family, boolean enhanced) {
            refreshRequests.computeIfAbsent(peer.config().address(), k -> new CopyOnWriteArrayList<>()).add(family);
            peer.negotiated().ifPresent(n -> {
                // RFC 7313 §4: an enhanced refresh is framed by BoRR and EoRR.
                List<BgpMessage> again = new ArrayList<>();
                if (enhanced) {
                    again.add(n.beginOfRouteRefresh(family));
                }
                updatesFor(peer, n, List.copyOf(originated.values())).stream()
                        .filter(u -> familyOf(u).equals(family)).forEach(again::add);
                if (enhanced) {
                    again.add(n.endOfRouteRefresh(family));
                }
                peer.send(again);
            });
        }

        @Override
        public void update(BgpPeer peer, Update update) {
            Map<Prefix, ReceivedRoute> table = received.computeIfAbsent(peer.config().address(), k -> new ConcurrentHashMap<>());
            Map<Prefix, Integer> counts = announcements.computeIfAbsent(peer.config().address(), k -> new ConcurrentHashMap<>());
            for (Nlri w : update.withdrawals()) {
                w.prefixes().forEach(table::remove);
            }
            PathAttributes attrs = update.attributes().withoutNlri();
            if (!update.nlri().isEmpty() && update.attributes().nextHop() != null) {
                IpAddress nh = update.attributes().nextHop().address();
                update.nlri().prefixes().forEach(p -> {
                    table.put(p, new ReceivedRoute(nh, attrs));
                    counts.merge(p, 1, Integer::sum);
                });
            }
            MpReachNlri mr = update.attributes().mpReach();
            if (mr != null) {
                mr.nlri().prefixes().forEach(p -> {
                    table.put(p, new ReceivedRoute(mr.nextHop(), attrs));
                    counts.merge(p, 1, Integer::sum);
                });
            }
        }

        @Override
        public void endOfRib(BgpPeer peer, Family family) {
            endOfRib.computeIfAbsent(peer.config().address(), k -> ConcurrentHashMap.newKeySet()).add(family);
        }

        @Override
        public void down(BgpPeer peer, SessionReport.SessionDown down) {
            downEvents.add(down);
            downsByPeer.computeIfAbsent(peer.config().address(), k -> new CopyOnWriteArrayList<>()).add(down);
            downs.add(peer.config().address().getHostAddress() + ": " + down.reason() + " " + down.detail());
            received.getOrDefault(peer.config().address(), new ConcurrentHashMap<>()).clear();
            endOfRib.remove(peer.config().address());
        }
    }

    private static Family familyOf(Update u) {
        MpReachNlri mr = u.attributes().mpReach();
        return mr != null ? mr.family() : Family.IPV4_UNICAST;
    }

    @Override
    public void close() {
        speaker.shutdown("lab teardown");
    }
}
