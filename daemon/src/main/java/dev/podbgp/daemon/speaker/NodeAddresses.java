package dev.podbgp.daemon.speaker;

import dev.podbgp.fib.address.AddressDump;
import dev.podbgp.fib.address.InterfaceAddress;
import java.io.IOException;
import java.util.List;

/**
 * The node's interface addresses, asked for when a session comes up, on the session's event loop: that thread is
 * in the speaker's network namespace, so the kernel answers for the namespace the session lives in.
 */
@FunctionalInterface
interface NodeAddresses {

    /** The kernel's, through rtnetlink ({@link AddressDump}). */
    NodeAddresses KERNEL = AddressDump::current;

    List<InterfaceAddress> current() throws IOException;
}
