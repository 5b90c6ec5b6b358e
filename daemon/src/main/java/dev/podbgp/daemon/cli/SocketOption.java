package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.control.ControlClient;
import dev.podbgp.daemon.control.ControlServer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --socket}: where the daemon's control socket is. */
final class SocketOption {
    @Option(names = "--socket", paramLabel = "PATH",
            description = "The daemon's control socket (default: ${DEFAULT-VALUE}); it is the 'controlSocket' of the config.")
    Path socket = ControlServer.DEFAULT_SOCKET;

    ControlClient client() {
        return new ControlClient(socket);
    }
}
