package dev.podbgp.daemon.control;

import dev.podbgp.bgp.exabgp.CommandParser;
import dev.podbgp.bgp.exabgp.ParseResult;
import dev.podbgp.daemon.json.JsonString;
import dev.podbgp.daemon.json.JsonValue;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.log.EventLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the control protocol on a Unix domain socket. The socket file gets mode 0600 and its
 * directory, when we create it, 0700: only root (the daemon's user) may steer routing. One
 * platform thread accepts; each client gets a virtual thread (no namespace switching happens
 * here, so virtual threads are safe). {@link #close} removes the socket file.
 */
public final class ControlServer implements AutoCloseable {
    private static final EventLog LOG = EventLog.named("podbgp.control");

    /** Where the daemon listens and the CLI connects unless told otherwise. */
    public static final Path DEFAULT_SOCKET = Path.of("/run/podbgp/control.sock");

    private final Path socket;
    private final ControlHandler handler;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ControlServer(Path socket, ControlHandler handler, ServerSocketChannel server) {
        this.socket = socket;
        this.handler = handler;
        this.server = server;
        this.acceptor = Thread.ofPlatform().name("podbgp-control").daemon().unstarted(this::acceptLoop);
    }

    /**
     * Binds {@code socket} and starts serving. A socket file left by a daemon that died is
     * replaced; one a live daemon answers on is an error, so two daemons never share it.
     */
    public static ControlServer start(Path socket, ControlHandler handler) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (Files.exists(socket)) {
            if (answers(socket)) {
                throw new IOException("another podbgp daemon is listening on " + socket);
            }
            Files.delete(socket);
        }
        // Bind under a temporary name, restrict it, then rename: bind creates the file with the
        // process umask, and nobody may connect before it is 0600 (connect needs write access).
        Path staging = socket.resolveSibling(socket.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(staging);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(staging));
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rw-------"));
            Files.move(staging, socket, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            server.close();
            Files.deleteIfExists(staging);
            throw e;
        }
        ControlServer s = new ControlServer(socket, handler, server);
        s.acceptor.start();
        LOG.info("control-listening").with("socket", socket).log();
        return s;
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                clients.add(client);
                Thread.ofVirtual().name("podbgp-control-client").start(() -> serve(client));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("control-accept-failed").with("error", e.getMessage()).log();
                }
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            InputStream in = Channels.newInputStream(client);
            while (true) {
                String line = ControlProtocol.readLine(in);
                if (line == null) {
                    return;
                }
                if (line.isBlank()) {
                    continue;
                }
                String response = respond(line);
                ByteBuffer out = ByteBuffer.wrap((response + "\n").getBytes(StandardCharsets.UTF_8));
                while (out.hasRemaining()) {
                    client.write(out);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            if (!closed) {
                LOG.debug("control-client-error").with("error", e.getMessage()).log();
            }
        } finally {
            clients.remove(client);
        }
    }

    String respond(String line) {
        try {
            return ControlProtocol.ok(dispatch(ControlProtocol.decode(line)));
        } catch (ControlException e) {
            return ControlProtocol.error(e.getMessage());
        } catch (RuntimeException e) {
            // A bug in the handler must not kill the socket; the operator sees it, the log keeps it.
            LOG.error("control-handler-failed").with("request", line).thrown(e).log();
            return ControlProtocol.error("internal error: " + e);
        }
    }

    private JsonValue dispatch(ControlRequest request) throws ControlException {
        return switch (request) {
            case ControlRequest.ShowNeighbors r -> ViewJson.toJson(handler.neighbors(), NeighborView::toJson);
            case ControlRequest.ShowRoutes r -> ViewJson.toJson(handler.routes(prefix(r.prefix())), RouteView::toJson);
            case ControlRequest.ShowFib r -> ViewJson.toJson(handler.fib(), FibView::toJson);
            case ControlRequest.ShowConfig r -> new JsonString(handler.config());
            case ControlRequest.RouteCommand r -> switch (CommandParser.parse(r.text())) {
                case ParseResult.Parsed p -> new JsonString(handler.routeCommand(p.command()));
                case ParseResult.Refused refused -> throw new ControlException(refused.error().toString());
            };
            case ControlRequest.Reload r -> new JsonString(handler.reload());
            case ControlRequest.ClearNeighbor r -> new JsonString(handler.clearNeighbor(address(r.address()), r.scope()));
        };
    }

    private static IpAddress address(String text) throws ControlException {
        try {
            return IpAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ControlException("not an IP address: " + text + " (" + e.getMessage() + ")");
        }
    }

    private static Optional<Prefix> prefix(Optional<String> text) throws ControlException {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Prefix.parse(text.get()));
        } catch (IllegalArgumentException e) {
            throw new ControlException("not a prefix: " + text.get() + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (SocketChannel c : clients) {
            c.close();
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
    }
}
