/**
 * The FIB writer the daemon talks to: takes the RIB's latest wish per prefix from any thread,
 * coalesces, and writes batches on its own thread; reconciles the kernel at start (with a
 * graceful-restart mode), retries failures with backoff, heals routes others delete, re-syncs
 * when a link comes back, and removes or keeps our routes at shutdown.
 *
 * <p>Owns which routes should be in the kernel. Must not know where they came from (no BGP).
 */
package dev.podbgp.fib.writer;
