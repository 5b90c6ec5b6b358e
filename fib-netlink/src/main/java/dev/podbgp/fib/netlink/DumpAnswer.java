package dev.podbgp.fib.netlink;

import static dev.podbgp.fib.netlink.Rtnetlink.*;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * Reads the kernel's answer to one NLM_F_DUMP request: datagrams of messages until NLMSG_DONE. Messages of other
 * requests (another sequence number) are skipped; an NLMSG_ERROR, a torn snapshot (NLM_F_DUMP_INTR) and silence
 * past the socket's receive timeout are errors.
 */
public final class DumpAnswer {

    /** One message of the wanted type, read in place: {@code at} is its nlmsghdr, {@code length} its nlmsg_len. */
    @FunctionalInterface
    public interface Visitor {
        void visit(MemorySegment s, int at, int length);
    }

    private DumpAnswer() {}

    /**
     * Hands every message of {@code type} answering {@code sequence} to {@code visitor}, until the dump is done.
     *
     * @param what names the dump in errors ("route dump")
     */
    public static void read(NetlinkSocket socket, MemorySegment receive, int sequence, int type, String what,
            Visitor visitor) throws IOException {
        while (true) {
            int n = socket.receive(receive);
            if (n < 0) {
                throw new IOException(what + " timed out");
            }
            for (int at = 0, length; (length = Messages.length(receive, at, n)) > 0; at += align(length)) {
                if (Messages.sequence(receive, at) != sequence) {
                    continue;
                }
                int t = Messages.type(receive, at);
                if (t == NLMSG_DONE) {
                    if ((Messages.flags(receive, at) & NLM_F_DUMP_INTR) != 0) {
                        // The table changed during the dump: the kernel says the snapshot is torn.
                        throw new NetlinkException(what + " (interrupted)", Errno.EINTR);
                    }
                    return;
                }
                if (t == NLMSG_ERROR) {
                    throw new NetlinkException(what, Messages.error(receive, at));
                }
                if (t == type) {
                    visitor.visit(receive, at, length);
                }
            }
        }
    }
}
