package dev.podbgp.daemon.cni;

import dev.podbgp.fib.netns.NetworkNamespace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs test code inside a namespace: each call gets a fresh platform thread that joins the
 * namespace first (setns), so every socket it opens lives there and no traffic ever starts in
 * the host namespace. The thread ends with the call and is never reused.
 */
final class InNamespace {
    private InNamespace() {}

    static <T> T call(TargetNamespace.Named ns, Callable<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().name("pbt-in-" + ns.name()).unstarted(() -> {
            try {
                NetworkNamespace.named(ns.name()).join();
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        t.start();
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** An ICMP echo (the JDK uses a raw ICMP socket when run as root) from inside {@code ns}. */
    static boolean ping(TargetNamespace.Named ns, String address) throws Exception {
        return call(ns, () -> InetAddress.getByName(address).isReachable(1000));
    }

    /** Polls {@link #ping} until it answers or {@code within} passes (IPv6 addresses start tentative). */
    static boolean pingWithin(TargetNamespace.Named ns, String address, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        do {
            if (ping(ns, address)) {
                return true;
            }
        } while (System.nanoTime() < end);
        return false;
    }

    /** One TCP exchange from {@code ns}: returns the line the server answered. */
    static String tcp(TargetNamespace.Named ns, String address, int port) throws Exception {
        return call(ns, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getByName(address), port), 3000);
                s.setSoTimeout(3000);
                return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            }
        });
    }

    /**
     * A TCP server inside {@code ns} on all addresses of both families that answers every
     * connection with the source address it saw: what a host outside the pod network sees
     * decides whether masquerade happened.
     */
    static final class SourceEchoServer implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;

        SourceEchoServer(TargetNamespace.Named ns, int port) throws Exception {
            CompletableFuture<ServerSocket> socket = new CompletableFuture<>();
            thread = Thread.ofPlatform().name("pbt-echo-" + ns.name()).start(() -> {
                try {
                    NetworkNamespace.named(ns.name()).join();
                    ServerSocket ss = new ServerSocket();
                    ss.bind(new InetSocketAddress(InetAddress.getByName("::"), port));
                    socket.complete(ss);
                    while (!ss.isClosed()) {
                        try (Socket c = ss.accept(); OutputStream out = c.getOutputStream()) {
                            InetAddress peer = c.getInetAddress();
                            out.write((hostText(peer) + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } catch (SocketException closed) {
                    // close() ends the accept loop
                } catch (Throwable e) {
                    socket.completeExceptionally(e);
                }
            });
            server = socket.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            server.close();
            thread.join(Duration.ofSeconds(5));
        }

        /** IPv4 peers of a dual-stack socket appear as ::ffff:a.b.c.d; show them as IPv4. */
        private static String hostText(InetAddress a) {
            return a.getHostAddress().replaceFirst("^::ffff:", "").replaceFirst("%.*$", "");
        }
    }
}
