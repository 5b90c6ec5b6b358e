package dev.podbgp.fib.route;

/**
 * The kernel's answer to one request of a batch, matched by sequence number. {@code tag} is what
 * the caller passed with the request (a packed prefix, an index); {@code errno} 0 is success;
 * {@code reason} is the kernel's extended-ack text or null. Called on the writing thread.
 */
@FunctionalInterface
public interface RouteResultListener {

    void onResult(long tag, int errno, String reason);
}
