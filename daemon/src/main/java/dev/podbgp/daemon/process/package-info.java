/**
 * ExaBGP's process API: helper programs podbgp starts from the config's {@code processes}, supervises (restart with
 * capped exponential backoff, SIGTERM then SIGKILL on stop) and talks to. A helper prints ExaBGP text commands on
 * its stdout ({@link dev.podbgp.daemon.process.ProcessCommands}); it reads the events it asked for, in ExaBGP 4.2's
 * JSON or text, and the {@code done}/{@code error} answers on its stdin
 * ({@link dev.podbgp.daemon.process.EventEncoder}).
 *
 * <p>Isolation is the point: a helper that crashes, hangs, prints garbage or stops reading never reaches a
 * session. Events are queued per helper without blocking the Netty event loops (a full queue drops, counted and
 * logged); a helper's commands reach the RIB through the same origination path as the control socket's
 * {@code announce route}, and {@link dev.podbgp.daemon.process.ProcessRoutes} remembers which helper announced
 * what, so a helper's routes are withdrawn when it dies. Threads: four virtual threads per running helper
 * (supervision, stdout, stderr, stdin); none of them switch namespaces — a helper of a daemon that manages another
 * network namespace is started through {@code ip netns exec}.
 */
package dev.podbgp.daemon.process;
