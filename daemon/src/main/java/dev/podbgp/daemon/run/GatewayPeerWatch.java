package dev.podbgp.daemon.run;

import dev.podbgp.config.state.DesiredGatewayPeer;
import dev.podbgp.daemon.cni.DefaultGateway;
import dev.podbgp.daemon.cni.TargetNamespace;
import dev.podbgp.daemon.speaker.Speaker;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.log.EventLog;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@code defaultGatewayPeer}: finds the default route's gateway in the target namespace and hands it to the speaker,
 * which peers with it. Looked up at start, whenever the kernel reports a default route changing (the FIB writer's
 * route monitor) and every {@link #RECHECK} besides, since a missed notification must not leave the node peering with
 * yesterday's router. Lookups run on one thread of their own ({@code ip} is a process; the monitor thread must not
 * wait for it); notifications that arrive during one are folded into the next.
 */
final class GatewayPeerWatch implements AutoCloseable {
    private static final EventLog LOG = EventLog.named("podbgp.gateway");
    static final Duration RECHECK = Duration.ofSeconds(30);

    private final Speaker speaker;
    private final TargetNamespace namespace;
    private final Supplier<Optional<DesiredGatewayPeer>> wanted;
    private final Runnable peersChanged;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("podbgp-gateway").daemon().factory());
    private final AtomicBoolean pending = new AtomicBoolean();

    /**
     * @param wanted       the configuration's gateway peer, read at each lookup (a reload may add or drop it)
     * @param peersChanged runs after the speaker's peers changed (BFD follows the peers)
     */
    GatewayPeerWatch(Speaker speaker, TargetNamespace namespace, Supplier<Optional<DesiredGatewayPeer>> wanted,
            Runnable peersChanged) {
        this.speaker = speaker;
        this.namespace = namespace;
        this.wanted = wanted;
        this.peersChanged = peersChanged;
        thread.scheduleWithFixedDelay(this::changed, 0, RECHECK.toSeconds(), TimeUnit.SECONDS);
    }

    /** A default route changed, or the configuration did: look again (soon, once). */
    void changed() {
        if (pending.compareAndSet(false, true)) {
            thread.execute(this::lookUp);
        }
    }

    private void lookUp() {
        pending.set(false);
        try {
            Optional<IpAddress> gateway = wanted.get().flatMap(w -> usable(DefaultGateway.in(namespace, w.family())));
            if (speaker.gatewayChanged(gateway)) {
                LOG.info("gateway-peer").with("gateway", gateway.map(Object::toString).orElse("none")).log();
                peersChanged.run();
            }
        } catch (RuntimeException e) {
            LOG.warn("gateway-lookup-failed").with("error", e.getMessage()).log();
        }
    }

    /**
     * An IPv6 link-local gateway (what router advertisements give) is only an address together with its interface,
     * and peers are kept by address alone so far: it is reported, not peered with.
     */
    private static Optional<IpAddress> usable(Optional<IpAddress> gateway) {
        if (gateway.isPresent() && gateway.get() instanceof Ipv6Address v6 && v6.isLinkLocal()) {
            LOG.warn("gateway-unsupported").with("gateway", v6).with("reason", "link-local gateway needs a scoped session").log();
            return Optional.empty();
        }
        return gateway;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
