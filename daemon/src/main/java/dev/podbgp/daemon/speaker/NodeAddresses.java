package dev.podbgp.daemon.speaker;

import dev.podbgp.fib.link.InterfaceAddress;
import dev.podbgp.fib.link.InterfaceAddresses;
import java.io.IOException;
import java.util.List;

/**
 * The node's interface addresses, asked for when a session comes up, on the session's event loop: that thread is
 * in the speaker's network namespace, so the kernel answers for the namespace the session lives in.
 */
@FunctionalInterface
interface NodeAddresses {

    /** The kernel's, through rtnetlink, in the calling thread's namespace ({@link InterfaceAddresses}). */
    NodeAddresses KERNEL = () -> InterfaceAddresses.dump(null);

    List<InterfaceAddress> current() throws IOException;
}
