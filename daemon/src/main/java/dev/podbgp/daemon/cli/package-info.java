/**
 * The {@code podbgp} command line (Picocli): {@link dev.podbgp.daemon.cli.Main} and one class per
 * command, the table and JSON renderings of the control API's views. Commands that need the
 * daemon talk to it only through {@link dev.podbgp.daemon.control.ControlClient}; {@code decode}
 * and {@code cleanup} work without a daemon. Must not start sessions or touch the RIB.
 */
package dev.podbgp.daemon.cli;
