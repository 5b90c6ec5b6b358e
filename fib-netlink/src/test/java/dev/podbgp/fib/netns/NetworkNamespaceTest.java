package dev.podbgp.fib.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.fib.TestNamespace;
import java.net.NetworkInterface;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Threads that stay in a namespace: the ones bgp-core's event loops run on, and a joining caller. */
class NetworkNamespaceTest {

    /** The test namespace's veth end, which the host namespace does not have. */
    private static final String INSIDE_ONLY = "d0";

    @Test
    void threadsFromTheFactoryRunTheirTaskInsideTheNamespace() throws Exception {
        try (TestNamespace ns = TestNamespace.create()) {
            CompletableFuture<Boolean> seen = new CompletableFuture<>();
            ThreadFactory factory = ns.namespace().threadFactory(Thread.ofPlatform().name("pbt-factory").factory());
            Thread thread = factory.newThread(() -> seen.complete(sees(INSIDE_ONLY)));
            thread.start();
            assertThat(seen.get(10, TimeUnit.SECONDS)).isTrue();
            thread.join();
        }
    }

    @Test
    void joinMovesTheCallingPlatformThread() throws Exception {
        try (TestNamespace ns = TestNamespace.create()) {
            CompletableFuture<Boolean> seen = new CompletableFuture<>();
            Thread.ofPlatform().name("pbt-join").start(() -> {
                try {
                    ns.namespace().join();
                    seen.complete(sees(INSIDE_ONLY));
                } catch (Throwable e) {
                    seen.completeExceptionally(e);
                }
            });
            assertThat(seen.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aVirtualThreadIsRefused() {
        ThreadFactory factory = NetworkNamespace.named("unused").threadFactory(Thread.ofVirtual().factory());
        assertThatThrownBy(() -> factory.newThread(() -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("virtual thread");
    }

    private static boolean sees(String interfaceName) {
        try {
            return NetworkInterface.getByName(interfaceName) != null;
        } catch (java.net.SocketException e) {
            return false;
        }
    }
}
