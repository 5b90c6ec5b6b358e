package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.control.ControlClient;
import dev.podbgp.daemon.control.ControlServer;

/** {@code --socket}: where the daemon's control socket is. */
final class SocketOption {
    static final CliOption OPTION = CliOption.valued("--socket", "PATH",
            "the daemon's control socket, as its config sets it").withDefault(ControlServer.DEFAULT_SOCKET);

    private SocketOption() {}

    static ControlClient client(ParsedArgs args) throws UsageException {
        return new ControlClient(args.path(OPTION));
    }
}
