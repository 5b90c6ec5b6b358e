/**
 * The local control API: a Unix domain socket (mode 0600) carrying one JSON request per line and
 * one JSON response per line, the {@link dev.podbgp.daemon.control.ControlHandler} seam the
 * daemon implements, the view records it returns, and the client the CLI uses. Owns the protocol
 * and the socket file; knows nothing of how the daemon computes the views, and never touches RIB,
 * FIB or sessions itself.
 */
package dev.podbgp.daemon.control;
