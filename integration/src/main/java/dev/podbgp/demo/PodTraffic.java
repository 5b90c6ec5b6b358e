package dev.podbgp.demo;

import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Shell;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traffic between pods, started inside the pods' namespaces only: {@code ping} runs under
 * {@code ip netns exec}, and each socket is opened on a fresh platform thread that joined the
 * pod's namespace first, so nothing is ever sent from the host namespace.
 */
public final class PodTraffic {
    public static final int TCP_PORT = 8080;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private PodTraffic() {}

    /** {@code ping -c COUNT} from {@code from} to {@code to}: what it printed, and whether all came back. */
    public record PingResult(boolean ok, String output) {}

    public static PingResult ping(Pod from, Pod to, int count) {
        return ping(from, to.address(), count);
    }

    /** As {@link #ping(Pod, Pod, int)}, to {@code to}'s address of {@code family}. */
    public static PingResult ping(Pod from, Pod to, AddressFamily family, int count) {
        return ping(from, to.address(family), count);
    }

    private static PingResult ping(Pod from, IpAddress to, int count) {
        Shell.Result r = from.namespace().exec("ping", "-n", "-c", Integer.toString(count), "-i", "0.3", "-W", "1",
                to.toString());
        return new PingResult(r.ok(), (r.stdout() + r.stderr()).strip());
    }

    /** What a ping run counted: echo requests sent and replies received. */
    public record PingCount(int transmitted, int received, String output) {
        public int lost() {
            return transmitted - received;
        }

        static PingCount parse(String output) {
            Matcher m = Pattern.compile("(\\d+) packets transmitted, (\\d+) received").matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("ping printed no summary: " + output);
            }
            return new PingCount(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), output);
        }
    }

    /**
     * Starts {@code count} pings from {@code from} to {@code to}, one every {@code interval},
     * each allowed 1 s for its reply, in the background: make the change under test while it
     * runs, then join the future for what was lost.
     */
    public static CompletableFuture<PingCount> pingWhile(Pod from, Pod to, int count, Duration interval) {
        // ping paces itself late under load (a few per cent over ten minutes with both cores busy): a fifth more.
        Duration runs = interval.multipliedBy(count).multipliedBy(6).dividedBy(5).plusSeconds(10);
        String seconds = String.format(Locale.ROOT, "%.3f", interval.toNanos() / 1e9);
        List<String> command = from.namespace().inside(List.of("ping", "-n", "-q", "-c", Integer.toString(count),
                "-i", seconds, "-W", "1", to.address().toString()));
        CompletableFuture<PingCount> result = new CompletableFuture<>();
        Thread.ofPlatform().name("pbt-ping-" + from.namespace().label()).start(() -> {
            try {
                Shell.Result r = Shell.run(command, runs);
                result.complete(PingCount.parse(r.stdout() + r.stderr()));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** What a TCP exchange looked like from both ends. */
    public record TcpExchange(String sent, String received, String serverSaw) {}

    /**
     * A one-connection server in {@code server}'s namespace that answers the client's line with
     * its own address and the source address it saw; the client in {@code client}'s namespace sends
     * one line and reads the answer. Seeing the pod's own address proves the path is routed, not
     * masqueraded.
     */
    public static TcpExchange tcp(Pod client, Pod server) throws Exception {
        return tcp(client.namespace(), "pod " + client.address(), server, server.address());
    }

    /**
     * As {@link #tcp(Pod, Pod)} from any lab namespace (a router) to {@code destination}, an address that leads to
     * {@code server} (a Service address some node translates to the pod).
     */
    public static TcpExchange tcp(dev.podbgp.lab.Node client, String clientName, Pod server, IpAddress destination)
            throws Exception {
        CompletableFuture<ServerSocket> listening = new CompletableFuture<>();
        CompletableFuture<String> seen = new CompletableFuture<>();
        Thread srv = Thread.ofPlatform().name("pbt-tcp-server-" + server.namespace().label()).start(() -> {
            try {
                NetworkNamespace.named(server.namespace().name()).join();
                try (ServerSocket ss = new ServerSocket()) {
                    ss.bind(new InetSocketAddress(InetAddress.getByName(server.address().toString()), TCP_PORT));
                    listening.complete(ss);
                    ss.setSoTimeout((int) CALL_TIMEOUT.toMillis());
                    try (Socket c = ss.accept()) {
                        c.setSoTimeout((int) CALL_TIMEOUT.toMillis());
                        String line = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))
                                .readLine();
                        String from = c.getInetAddress().getHostAddress();
                        OutputStream out = c.getOutputStream();
                        out.write(("hi " + from + ", this is " + server.address() + "; you said: " + line + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        seen.complete(from);
                    }
                }
            } catch (Throwable e) {
                listening.completeExceptionally(e);
                seen.completeExceptionally(e);
            }
        });
        try {
            listening.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String sent = "hello from " + clientName;
            String received = inNamespace(client, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(InetAddress.getByName(destination.toString()), TCP_PORT), 3000);
                    s.setSoTimeout(3000);
                    PrintWriter w = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                    w.println(sent);
                    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                }
            });
            return new TcpExchange(sent, received, seen.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            listening.thenAccept(PodTraffic::closeQuietly);
            srv.join(CALL_TIMEOUT);
        }
    }

    private static <T> T inNamespace(dev.podbgp.lab.Node namespace, Callable<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofPlatform().name("pbt-in-" + namespace.label()).start(() -> {
            try {
                NetworkNamespace.named(namespace.name()).join();
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (java.io.IOException ignored) {
            // closing a server that accepted or timed out
        }
    }

    /** Lines for the demo's output, indented. */
    static String indent(String text) {
        return String.join("\n", text.lines().map(l -> "    " + l).toList());
    }

}
