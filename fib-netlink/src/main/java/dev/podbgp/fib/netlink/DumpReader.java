package dev.podbgp.fib.netlink;

import static dev.podbgp.fib.netlink.Rtnetlink.*;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * Reads the answer to one dump request until NLMSG_DONE, handing each message of the dump's sequence to
 * {@link Entries}. A dump the kernel marks interrupted (the table changed while it was walked) is torn and
 * fails, so the caller asks again rather than act on half a snapshot.
 */
public final class DumpReader {

    /** One message of the dump: its type and where it lies in the receive buffer. */
    @FunctionalInterface
    public interface Entries {
        void message(int type, MemorySegment buffer, int at, int length);
    }

    private DumpReader() {}

    /** @param what names the dump in errors ("route dump") */
    public static void read(NetlinkSocket socket, MemorySegment receive, int sequence, String what, Entries entries)
            throws IOException {
        while (true) {
            int n = socket.receive(receive);
            if (n < 0) {
                throw new IOException(what + " timed out");
            }
            for (int at = 0, length; (length = Messages.length(receive, at, n)) > 0; at += align(length)) {
                if (Messages.sequence(receive, at) != sequence) {
                    continue;
                }
                switch (Messages.type(receive, at)) {
                    case NLMSG_DONE -> {
                        if ((Messages.flags(receive, at) & NLM_F_DUMP_INTR) != 0) {
                            throw new NetlinkException(what + " (interrupted)", Errno.EINTR);
                        }
                        return;
                    }
                    case NLMSG_ERROR -> throw new NetlinkException(what, Messages.error(receive, at));
                    default -> entries.message(Messages.type(receive, at), receive, at, length);
                }
            }
        }
    }
}
