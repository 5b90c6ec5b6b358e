package dev.podbgp.daemon.control;

import dev.podbgp.daemon.json.JsonException;
import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonParser;
import dev.podbgp.daemon.json.JsonValue;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The CLI's side of the control socket: one connection, one request, one response per call. */
public final class ControlClient {
    /** Long enough for a reload that re-evaluates a full table; a hung daemon must not hang the CLI. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path socket;
    private final Duration timeout;

    public ControlClient(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    public ControlClient(Path socket) {
        this(socket, DEFAULT_TIMEOUT);
    }

    public List<NeighborView> neighbors() throws ControlException {
        return views(call(new ControlRequest.ShowNeighbors()), NeighborView::fromJson);
    }

    public List<RouteView> routes(Optional<String> prefix) throws ControlException {
        return views(call(new ControlRequest.ShowRoutes(prefix)), RouteView::fromJson);
    }

    public List<FibView> fib() throws ControlException {
        return views(call(new ControlRequest.ShowFib()), FibView::fromJson);
    }

    public String config() throws ControlException {
        return text(call(new ControlRequest.ShowConfig()));
    }

    public String routeCommand(String text) throws ControlException {
        return text(call(new ControlRequest.RouteCommand(text)));
    }

    public String reload() throws ControlException {
        return text(call(new ControlRequest.Reload()));
    }

    public String clearNeighbor(String address, ClearScope scope) throws ControlException {
        return text(call(new ControlRequest.ClearNeighbor(address, scope)));
    }

    /** Sends {@code request}; returns the {@code result} or throws the daemon's {@code error}. */
    public JsonValue call(ControlRequest request) throws ControlException {
        if (!Files.exists(socket)) {
            throw new DaemonNotRunningException(socket, "no such file");
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new DaemonNotRunningException(socket, String.valueOf(e.getMessage()));
        }
        String line;
        // Blocking channels have no read timeout: a watchdog closes the channel, which ends the read.
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(timeout);
                channel.close();
            } catch (InterruptedException | IOException e) {
                // answered in time, or already closed
            }
        });
        try (channel) {
            ByteBuffer out = ByteBuffer.wrap((ControlProtocol.encode(request) + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            line = ControlProtocol.readLine(Channels.newInputStream(channel));
        } catch (AsynchronousCloseException e) {
            throw new ControlException("the daemon did not answer within "
                    + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s") + " on " + socket);
        } catch (IOException e) {
            throw new ControlException("control socket " + socket + ": " + e.getMessage());
        } finally {
            watchdog.interrupt();
        }
        if (line == null) {
            throw new ControlException("the daemon closed the control connection without an answer");
        }
        JsonObject response;
        try {
            response = JsonParser.parseObject(line);
        } catch (JsonException e) {
            throw new ControlException("the daemon answered something that is not a JSON object: " + e.getMessage());
        }
        if (response.bool("ok").orElse(false)) {
            return response.get("result").orElseThrow(() -> new ControlException("the daemon answered ok without a result"));
        }
        throw new ControlException(response.string("error").orElse("the daemon refused the request without a reason"));
    }

    private static <T> List<T> views(JsonValue result, Function<JsonValue, T> fromJson) throws ControlException {
        try {
            return ViewJson.fromJson(result, fromJson);
        } catch (JsonException e) {
            throw new ControlException("the daemon's answer does not match this CLI's version: " + e.getMessage());
        }
    }

    private static String text(JsonValue result) throws ControlException {
        return result.text().orElseThrow(() -> new ControlException("the daemon answered " + result + " where this CLI"
                + " expects a text: versions differ"));
    }
}
