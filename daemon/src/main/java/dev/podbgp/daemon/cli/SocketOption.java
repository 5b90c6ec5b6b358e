package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.control.ControlClient;
import dev.podbgp.daemon.control.ControlServer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --socket}: where the daemon's control socket is. */
final class SocketOption {
    @Option(names = "--socket", paramLabel = "PATH",
            description = "the daemon's control socket, as its config sets it (default: ${DEFAULT-VALUE})")
    Path socket = ControlServer.DEFAULT_SOCKET;

    ControlClient client() {
        return new ControlClient(socket);
    }
}
