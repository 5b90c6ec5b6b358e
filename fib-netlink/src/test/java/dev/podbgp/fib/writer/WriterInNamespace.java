package dev.podbgp.fib.writer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.fib.TestNamespace;
import dev.podbgp.fib.route.RouteOwner;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the writer's tests share: a throw-away namespace per test, a writer opened in it with
 * short retries, closed (and the namespace deleted) after the test, and polling for the kernel.
 */
abstract class WriterInNamespace {

    static final int TABLE = 100;
    static final RouteOwner OWNER = new RouteOwner(RouteOwner.PODBGP_PROTOCOL, TABLE, 20);
    static final Duration WAIT = Duration.ofSeconds(10);

    TestNamespace ns;
    FibWriter fib;

    @BeforeEach
    void createNamespace() throws IOException {
        ns = TestNamespace.create();
    }

    @AfterEach
    void closeWriterAndNamespace() throws IOException {
        try {
            if (fib != null) {
                fib.close();
            }
        } finally {
            ns.close();
        }
    }

    FibWriter open(FibConfig config, FibListener listener) throws IOException {
        fib = FibWriter.open(ns.namespace(), OWNER, config.withRetry(Duration.ofMillis(50), Duration.ofMillis(400)), listener);
        return fib;
    }

    /** Everything submitted so far is written, and the writer thread did not fail. */
    void awaitWritten() throws InterruptedException {
        boolean written = fib.awaitWritten(WAIT);
        assertThat(fib.failure()).as("the writer thread's failure").isNull();
        assertThat(written).as("everything submitted written within %s", WAIT).isTrue();
    }

    /** Retries {@code check} until it passes or {@link #WAIT} is over. */
    static void eventually(Check check) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }
}
