package dev.podbgp.daemon.control;

import java.util.List;

/**
 * One route podbgp owns in the kernel FIB, as {@code podbgp show fib} prints it.
 *
 * @param prefix    the destination
 * @param nextHops  gateway addresses (several for ECMP)
 * @param table     the kernel routing table
 * @param protocol  the rtnetlink protocol number podbgp marks its routes with
 * @param state     installed, pending or failed
 * @param lastError the kernel's last answer for this route when it failed, empty otherwise
 */
public record FibView(String prefix, List<String> nextHops, int table, int protocol, String state, String lastError) {
    public FibView {
        nextHops = List.copyOf(nextHops);
    }
}
