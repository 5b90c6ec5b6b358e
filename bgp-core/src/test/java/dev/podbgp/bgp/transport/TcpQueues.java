package dev.podbgp.bgp.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The kernel's view of IPv4 TCP sockets ({@code /proc/net/tcp}): per socket the bytes sent and
 * not yet acknowledged ({@code tx_queue}) and the bytes received and not yet read by the
 * application ({@code rx_queue}). Both zero means nothing is on its way on that connection.
 * Loopback usually delivers within the sender's write, but under load the kernel may defer it.
 */
final class TcpQueues {

    private static final Path TABLE = Path.of("/proc/net/tcp");

    private TcpQueues() {}

    /** True when no socket bound to or connected to one of {@code ports} holds unsent, unacknowledged or unread bytes. */
    static boolean empty(Set<Integer> ports) {
        List<String> lines;
        try {
            lines = Files.readAllLines(TABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines.subList(1, lines.size())) {
            // "sl local_address rem_address st tx_queue:rx_queue ...", addresses as hex "ADDR:PORT".
            String[] field = line.trim().split("\\s+");
            if (!ports.contains(port(field[1])) && !ports.contains(port(field[2]))) {
                continue;
            }
            String[] queues = field[4].split(":");
            if (Long.parseLong(queues[0], 16) != 0 || Long.parseLong(queues[1], 16) != 0) {
                return false;
            }
        }
        return true;
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }
}
