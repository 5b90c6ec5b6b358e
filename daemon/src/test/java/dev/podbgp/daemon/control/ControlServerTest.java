package dev.podbgp.daemon.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.bgp.exabgp.Command;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void socketFileIsMode0600_parentCreated0700_removedOnClose() throws Exception {
        Path socket = tmp.resolve("run/podbgp/control.sock");
        try (ControlServer server = ControlServer.start(socket, new RecordingHandler())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
            assertThat(server.socket()).isEqualTo(socket);
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void staleSocketOfADeadDaemonIsReplaced() throws Exception {
        Path socket = tmp.resolve("control.sock");
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(socket));
        dead.close();
        assertThat(socket).exists();
        try (ControlServer server = ControlServer.start(socket, new RecordingHandler())) {
            assertThat(request(socket, "{\"command\":\"show-config\"}").get(0).path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void secondDaemonOnALiveSocketIsRefused() throws Exception {
        Path socket = tmp.resolve("control.sock");
        try (ControlServer first = ControlServer.start(socket, new RecordingHandler())) {
            assertThatThrownBy(() -> ControlServer.start(socket, new RecordingHandler()))
                    .isInstanceOf(IOException.class).hasMessageContaining("another podbgp daemon is listening on " + socket);
            assertThat(socket).exists();
        }
    }

    @Test
    void oneResponseLinePerRequestLine_inOrder_onOneConnection() throws Exception {
        Path socket = tmp.resolve("control.sock");
        RecordingHandler handler = new RecordingHandler();
        try (ControlServer server = ControlServer.start(socket, handler)) {
            List<JsonNode> answers = request(socket, "{\"command\":\"show-neighbors\"}",
                    "{\"command\":\"show-routes\",\"prefix\":\"10.240.0.0/16\"}", "{\"command\":\"nope\"}", "not json",
                    "{\"command\":\"route-command\",\"text\":\"announce route 10.0.0.0/24 next-hop\"}",
                    "{\"command\":\"show-routes\",\"prefix\":\"10.0.0.1/8\"}");
            assertThat(answers).hasSize(6);
            JsonNode first = answers.get(0);
            assertThat(first.path("ok").asBoolean()).isTrue();
            assertThat(first.path("result").get(0).path("address").asText()).isEqualTo("192.0.2.1");
            assertThat(first.path("result").get(0).path("uptimeSeconds").asLong()).isEqualTo(3723);
            assertThat(answers.get(1).path("result")).hasSize(3);
            assertThat(answers.get(2).path("ok").asBoolean()).isFalse();
            assertThat(answers.get(2).path("error").asText()).startsWith("unknown command \"nope\"");
            assertThat(answers.get(3).path("error").asText()).startsWith("request is not JSON");
            assertThat(answers.get(4).path("error").asText()).contains("at end of line");
            assertThat(answers.get(5).path("error").asText()).startsWith("not a prefix: 10.0.0.1/8");
            assertThat(handler.calls).hasSize(2);
        }
    }

    @Test
    void clearNeighbor_onTheWire_addressAndSoftAreChecked() throws Exception {
        Path socket = tmp.resolve("control.sock");
        RecordingHandler handler = new RecordingHandler();
        try (ControlServer server = ControlServer.start(socket, handler)) {
            List<JsonNode> answers = request(socket, "{\"command\":\"clear-neighbor\",\"address\":\"192.0.2.1\",\"soft\":\"out\"}",
                    "{\"command\":\"clear-neighbor\",\"address\":\"192.0.2.1\",\"soft\":\"sideways\"}",
                    "{\"command\":\"clear-neighbor\"}", "{\"command\":\"clear-neighbor\",\"address\":\"192.0.2.x\"}");
            assertThat(answers.get(0).path("result").asText()).isEqualTo("sending 192.0.2.1 our routes again");
            assertThat(answers.get(1).path("error").asText()).isEqualTo("clear-neighbor \"soft\" is \"in\" or \"out\", not \"sideways\"");
            assertThat(answers.get(2).path("error").asText()).isEqualTo("clear-neighbor needs an \"address\" string");
            assertThat(answers.get(3).path("error").asText()).startsWith("not an IP address: 192.0.2.x");
            assertThat(handler.calls).containsExactly("192.0.2.1 SOFT_OUT");
            assertThat(new ControlClient(socket).clearNeighbor("192.0.2.1", ClearScope.HARD)).isEqualTo("reset the session to 192.0.2.1");
        }
    }

    @Test
    void clientReturnsRecordsAndTheDaemonsRefusal() throws Exception {
        Path socket = tmp.resolve("control.sock");
        RecordingHandler handler = new RecordingHandler();
        try (ControlServer server = ControlServer.start(socket, handler)) {
            ControlClient client = new ControlClient(socket);
            assertThat(client.neighbors()).isEqualTo(RecordingHandler.NEIGHBORS);
            assertThat(client.routes(Optional.empty())).isEqualTo(RecordingHandler.ROUTES);
            assertThat(client.fib()).isEqualTo(RecordingHandler.FIB);
            assertThat(client.config()).isEqualTo(RecordingHandler.CONFIG);
            assertThat(client.routeCommand("withdraw route 10.9.0.0/16")).isEqualTo("withdrew 10.9.0.0/16 from 1 peer");
            assertThat(handler.calls.getLast()).isInstanceOf(Command.Withdraw.class);
            handler.reloadRefusal = "/etc/podbgp.yaml:7: peers[0].asn: 0 is not a valid AS number";
            assertThatThrownBy(client::reload).isInstanceOf(ControlException.class)
                    .isNotInstanceOf(DaemonNotRunningException.class).hasMessage(handler.reloadRefusal);
        }
    }

    @Test
    void handlerBugIsAnErrorResponse_notADeadSocket() throws Exception {
        Path socket = tmp.resolve("control.sock");
        RecordingHandler broken = new RecordingHandler() {
            @Override
            public String config() {
                throw new IllegalStateException("boom");
            }
        };
        try (ControlServer server = ControlServer.start(socket, broken)) {
            List<JsonNode> answers = request(socket, "{\"command\":\"show-config\"}", "{\"command\":\"show-fib\"}");
            assertThat(answers.get(0).path("error").asText()).isEqualTo("internal error: java.lang.IllegalStateException: boom");
            assertThat(answers.get(1).path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void noDaemon_clientNamesTheSocket() {
        Path socket = tmp.resolve("control.sock");
        assertThatThrownBy(() -> new ControlClient(socket).neighbors()).isInstanceOf(DaemonNotRunningException.class)
                .hasMessageContaining("daemon is not running").hasMessageContaining(socket.toString());
    }

    static List<JsonNode> request(Path socket, String... lines) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
            BufferedReader in = new BufferedReader(Channels.newReader(ch, StandardCharsets.UTF_8));
            List<JsonNode> out = new java.util.ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                out.add(MAPPER.readTree(in.readLine()));
            }
            return out;
        }
    }

    @Test
    void hungDaemon_clientGivesUpAfterItsTimeout() throws Exception {
        Path socket = tmp.resolve("control.sock");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RecordingHandler hung = new RecordingHandler() {
            @Override
            public List<FibView> fib() {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }
        };
        try (ControlServer server = ControlServer.start(socket, hung)) {
            ControlClient client = new ControlClient(socket, java.time.Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThatThrownBy(client::fib).isInstanceOf(ControlException.class)
                    .hasMessage("the daemon did not answer within 300 ms on " + socket);
            assertThat(System.nanoTime() - start).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(10));
            release.countDown();
            assertThat(client.config()).isEqualTo(RecordingHandler.CONFIG);
        }
    }

    @Test
    void noStagingFileLeftBehind() throws Exception {
        Path socket = tmp.resolve("control.sock");
        try (ControlServer server = ControlServer.start(socket, new RecordingHandler())) {
            try (var files = Files.list(tmp)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("control.sock");
            }
        }
    }
}
