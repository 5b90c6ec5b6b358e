package dev.podbgp.daemon.process;

import dev.podbgp.bgp.exabgp.Direction;
import dev.podbgp.bgp.exabgp.Envelope;
import dev.podbgp.bgp.exabgp.ExabgpJson;
import dev.podbgp.bgp.exabgp.NegotiatedJson;
import dev.podbgp.bgp.exabgp.NeighborState;
import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.config.ProcessSpec;
import dev.podbgp.inet.IpAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines one helper reads for the events it asked for, in ExaBGP 4.2's format: JSON (format "4.0.1", rendered by
 * bgp-core's {@link ExabgpJson}) or text ({@code neighbor 10.0.0.1 up}). ExaBGP counts lines per neighbor for each
 * helper, so one encoder belongs to one helper run and is used by its writer thread only.
 */
final class EventEncoder {

    private final ProcessSpec spec;
    private final EventOrigin origin;
    private final Clock clock;
    private final Map<IpAddress, Long> counters = new HashMap<>();

    EventEncoder(ProcessSpec spec, EventOrigin origin, Clock clock) {
        this.spec = spec;
        this.origin = origin;
        this.clock = clock;
    }

    /** Whether the helper asked for this kind of event at all; asked before anything is queued. */
    static boolean wanted(ProcessSpec.Receive receive, PeerEvent event) {
        return switch (event) {
            case PeerEvent.Connected c -> receive.neighborChanges();
            case PeerEvent.Up u -> receive.neighborChanges() || receive.negotiated();
            case PeerEvent.Down d -> receive.neighborChanges();
            case PeerEvent.UpdateReceived u -> receive.update();
        };
    }

    /** The lines for {@code event}, in order; none when the helper did not ask for it. */
    List<String> lines(PeerEvent event) {
        ProcessSpec.Receive r = spec.receive();
        List<String> out = new ArrayList<>(2);
        boolean json = spec.encoder() == ProcessSpec.Encoder.JSON;
        switch (event) {
            case PeerEvent.Connected c when r.neighborChanges() -> out.add(json
                    ? ExabgpJson.state(envelope(c), c.neighbor(), NeighborState.CONNECTED, "")
                    : "neighbor " + c.neighbor().peerAddress() + " connected");
            case PeerEvent.Up u -> {
                if (r.neighborChanges()) {
                    out.add(json ? ExabgpJson.state(envelope(u), u.neighbor(), NeighborState.UP, "")
                            : "neighbor " + u.neighbor().peerAddress() + " up");
                }
                // ExaBGP's text encoder has no negotiated line; the config refuses negotiated with text.
                if (r.negotiated() && json) {
                    out.add(ExabgpJson.negotiated(envelope(u), u.neighbor(), negotiated(u.negotiated())));
                }
            }
            case PeerEvent.Down d when r.neighborChanges() -> out.add(json
                    ? ExabgpJson.state(envelope(d), d.neighbor(), NeighborState.DOWN, d.reason())
                    : "neighbor " + d.neighbor().peerAddress() + " down - " + d.reason());
            case PeerEvent.UpdateReceived u when r.update() && json ->
                    out.add(ExabgpJson.update(envelope(u), u.neighbor(), Direction.RECEIVE, u.update(), null));
            default -> {
            }
        }
        return out;
    }

    /** The line ExaBGP writes to every helper before it stops them. */
    String shutdown() {
        return spec.encoder() == ProcessSpec.Encoder.JSON
                ? ExabgpJson.shutdown(new Envelope(now(), origin.host(), origin.pid(), origin.ppid(), 0))
                : "shutdown " + origin.pid() + " " + origin.ppid();
    }

    private Envelope envelope(PeerEvent e) {
        long counter = counters.merge(e.neighbor().peerAddress(), 1L, Long::sum);
        return new Envelope(now(), origin.host(), origin.pid(), origin.ppid(), counter);
    }

    private double now() {
        return clock.millis() / 1000.0;
    }

    static NegotiatedJson negotiated(NegotiatedSession s) {
        SessionCapabilities c = s.codec();
        String refresh = s.enhancedRouteRefresh() ? "enhanced"
                : s.acceptsRouteRefresh() && s.peerAcceptsRouteRefresh() ? "normal" : "absent";
        List<Family> families = List.copyOf(s.families());
        return new NegotiatedJson(c.extendedMessage() ? SessionCapabilities.MAX_EXTENDED_MESSAGE_SIZE
                : SessionCapabilities.MAX_MESSAGE_SIZE, s.holdTime(), c.fourOctetAs(), refresh, families,
                families.stream().filter(c.extendedNextHop()::contains).toList(),
                families.stream().filter(c.addPathSend()::contains).toList(),
                families.stream().filter(c.addPathReceive()::contains).toList());
    }
}
