/**
 * Running a piece of work inside a named network namespace ({@code /run/netns/NAME}) on a
 * dedicated platform thread that calls {@code setns(2)} first, making threads that live in one
 * (bgp-core's event loops get such a {@code ThreadFactory} from the daemon), or moving the
 * current platform thread into one. The only {@code setns} in podbgp.
 *
 * <p>A netlink socket belongs to the namespace it was created in, so only socket creation needs
 * the switch; the socket is then used from any thread. Never setns on a virtual thread.
 */
package dev.podbgp.fib.netns;
