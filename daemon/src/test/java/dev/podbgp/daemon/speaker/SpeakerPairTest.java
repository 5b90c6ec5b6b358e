package dev.podbgp.daemon.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.config.ConfigLoader;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two speakers on two addresses of one test network namespace (loopback addresses are martian
 * next hops, RFC 4271 §5.1.3, so they cannot carry routes), wired as the daemon wires them (sessions, RIB thread,
 * Adj-RIB-Out) but without a FIB: what one originates reaches the other's Loc-RIB, a policy
 * reload takes effect without a reset, max-prefix and de-configuration end the session with
 * the right Cease.
 */
class SpeakerPairTest {

    private static final IpAddress A = IpAddress.parse("10.99.0.11");
    private static final IpAddress B = IpAddress.parse("10.99.0.12");
    private static final Prefix A_POD = Prefix.parse("10.240.1.0/24");
    private static final Prefix A_EXTRA = Prefix.parse("10.240.11.0/24");
    private static final Prefix B_POD = Prefix.parse("10.240.2.0/24");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final int port = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
    private Speaker a;
    private Speaker b;

    private final String namespace = "pbt-spk-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);

    @BeforeEach
    void namespace() throws Exception {
        ip("netns", "add", namespace);
        ip("-n", namespace, "link", "set", "lo", "up");
        ip("-n", namespace, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        ip("-n", namespace, "link", "set", "v0", "up");
        ip("-n", namespace, "link", "set", "v1", "up");
        ip("-n", namespace, "addr", "add", "10.99.0.11/24", "dev", "v0");
        ip("-n", namespace, "addr", "add", "10.99.0.12/24", "dev", "v0");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        } finally {
            ip("netns", "del", namespace);
        }
    }

    private static void ip(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd + " failed: " + out);
        }
    }

    private Speaker start(DesiredState state) {
        return Speaker.start(state, Optional.of(namespace), List.of(), SpeakerEvents.NONE);
    }

    private DesiredState nodeA(String podCidrs, String exportPolicy) throws Exception {
        return ConfigLoader.parse("a.yaml", """
                node: {name: a, routerId: 10.99.0.11, asn: 65001, podCidrs: [%s], clusterPodCidrs: [10.240.0.0/16]}
                listen: {address: 10.99.0.11, port: %d}
                peers:
                  - {address: 10.99.0.12, asn: 65002, port: %d, localAddress: 10.99.0.11,
                     timers: {holdTime: 9, connectRetry: 1}%s}
                policies:
                  tag:
                    default: accept
                    rules:
                      - name: mark
                        actions: [{addCommunity: ["65001:7"]}]
                metrics: {enabled: false}
                controlSocket: %s
                """.formatted(podCidrs, port, port, exportPolicy, dir.resolve("a.sock")), dir).state();
    }

    private DesiredState nodeB(String maxPrefix) throws Exception {
        return nodeB(maxPrefix, 9);
    }

    private DesiredState nodeB(String maxPrefix, int holdTime) throws Exception {
        return ConfigLoader.parse("b.yaml", """
                node: {name: b, routerId: 10.99.0.12, asn: 65002, podCidrs: [10.240.2.0/24], clusterPodCidrs: [10.240.0.0/16]}
                listen: {address: 10.99.0.12, port: %d}
                peers:
                  - {address: 10.99.0.11, asn: 65001, port: %d, localAddress: 10.99.0.12, passive: true,
                     timers: {holdTime: %d, connectRetry: 1}%s}
                metrics: {enabled: false}
                controlSocket: %s
                """.formatted(port, port, holdTime, maxPrefix, dir.resolve("b.sock")), dir).state();
    }

    private static Decision decision(Speaker s, Prefix p) throws InterruptedException {
        return s.query(rib -> rib.decision(p), WAIT);
    }

    private static PeerStatus status(Speaker s) {
        return s.peers().iterator().next();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static boolean has(Speaker s, Prefix p) {
        try {
            return decision(s, p) != null;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void originatedPrefixesReachThePeerAndAPolicyReloadTakesEffectWithoutAReset() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""));
        b = start(nodeB(""));

        await(() -> has(b, A_POD) && has(a, B_POD), "each node's podCIDR at the other");
        Decision learned = decision(b, A_POD);
        assertThat(learned.best().nextHop()).isEqualTo(A);
        // RFC 4271 §5.1.2: our AS prepended towards an external peer.
        assertThat(learned.best().attributes().asPath().toString()).isEqualTo("65001");
        assertThat(learned.best().attributes().communities()).isNull();

        var diff = a.apply(nodeA("10.240.1.0/24", ", exportPolicy: tag"));
        assertThat(diff.peersToReset()).isEmpty();
        await(() -> {
            try {
                Communities c = decision(b, A_POD).best().attributes().communities();
                return c != null && c.contains(Communities.community(65001, 7));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }, "the community the new export policy adds");
        assertThat(status(a).flaps()).isZero();
        assertThat(status(b).flaps()).isZero();
        assertThat(status(a).state()).isEqualTo(SessionState.ESTABLISHED);

        // A podCIDR added by reload is announced on the running session.
        a.apply(nodeA("10.240.1.0/24, 10.240.11.0/24", ", exportPolicy: tag"));
        await(() -> has(b, A_EXTRA), "the added podCIDR");
        assertThat(status(b).flaps()).isZero();
    }

    @Test
    void rfc4486_s4_maxPrefixTearsDownWithCease1() throws Exception {
        a = start(nodeA("10.240.1.0/24, 10.240.11.0/24", ""));
        b = start(nodeB(", maxPrefix: {limit: 1, restartAfter: 0}"));

        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 6/1"), "Cease/1 at the sender, was: " + status(a).lastError());
        assertThat(status(b).lastError()).startsWith("ADMIN_STOP 6/1: torn down with NOTIFICATION 6/1");
        // restartAfter 0: the session stays down until an operator acts, and the routes are gone.
        assertThat(status(b).state()).isNotEqualTo(SessionState.ESTABLISHED);
        assertThat(has(b, A_POD) || has(b, A_EXTRA)).isFalse();
    }

    @Test
    void rfc4486_s4_aRemovedPeerGetsCease3AndItsRoutesGo() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""));
        DesiredState withPeer = nodeB("");
        b = start(withPeer);
        await(() -> has(b, A_POD), "the route before removal");

        DesiredState withoutPeer = new DesiredState(withPeer.node(), withPeer.originated(), withPeer.clusterPodCidrs(),
                withPeer.listen(), List.of(), withPeer.policies(), withPeer.roles(), withPeer.fib(),
                withPeer.gracefulRestart(), withPeer.cni(), withPeer.controlSocket(), withPeer.metrics(), withPeer.logging());
        b.apply(withoutPeer);

        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 6/3"), "Cease/3 at the removed peer");
        await(() -> !has(b, A_POD), "its route withdrawn");
        assertThat(b.peers()).isEmpty();
    }

    @Test
    void rfc4486_s4_aSessionResetForAConfigurationChangeGetsCease6AndComesBack() throws Exception {
        a = start(nodeA("10.240.1.0/24", ""));
        b = start(nodeB(""));
        await(() -> has(b, A_POD), "the route before the change");

        var diff = b.apply(nodeB("", 12));
        assertThat(diff.peersToReset()).containsExactly(A);

        // Other Configuration Change, not Peer De-configured: the peer is still configured.
        await(() -> status(a).lastError().startsWith("NOTIFICATION_RECEIVED 6/6"),
                "Cease/6 at the peer, was: " + status(a).lastError());
        await(() -> status(b).state() == SessionState.ESTABLISHED && has(b, A_POD), "the session back with its route");
    }
}
