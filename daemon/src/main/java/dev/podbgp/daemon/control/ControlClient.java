package dev.podbgp.daemon.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
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
        return convert(call(new ControlRequest.ShowNeighbors()), new TypeReference<>() {});
    }

    public List<RouteView> routes(Optional<String> prefix) throws ControlException {
        return convert(call(new ControlRequest.ShowRoutes(prefix)), new TypeReference<>() {});
    }

    public List<FibView> fib() throws ControlException {
        return convert(call(new ControlRequest.ShowFib()), new TypeReference<>() {});
    }

    public String config() throws ControlException {
        return call(new ControlRequest.ShowConfig()).asText();
    }

    public String routeCommand(String text) throws ControlException {
        return call(new ControlRequest.RouteCommand(text)).asText();
    }

    public String reload() throws ControlException {
        return call(new ControlRequest.Reload()).asText();
    }

    public String clearNeighbor(String address, ClearScope scope) throws ControlException {
        return call(new ControlRequest.ClearNeighbor(address, scope)).asText();
    }

    /** Sends {@code request}; returns the {@code result} or throws the daemon's {@code error}. */
    public JsonNode call(ControlRequest request) throws ControlException {
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
        JsonNode response;
        try {
            response = ControlProtocol.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ControlException("the daemon answered something that is not JSON: " + e.getOriginalMessage());
        }
        if (response.path("ok").asBoolean(false)) {
            return response.path("result");
        }
        throw new ControlException(response.path("error").asText("the daemon refused the request without a reason"));
    }

    private static <T> T convert(JsonNode result, TypeReference<T> type) throws ControlException {
        try {
            return ControlProtocol.MAPPER.convertValue(result, type);
        } catch (IllegalArgumentException e) {
            throw new ControlException("the daemon's answer does not match this CLI's version: " + e.getMessage());
        }
    }
}
