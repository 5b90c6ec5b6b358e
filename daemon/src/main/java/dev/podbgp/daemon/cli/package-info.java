/**
 * The {@code podbgp} command line: {@link dev.podbgp.daemon.cli.Main} with the table of commands, one class per
 * command, the parser and help they are read and explained with ({@link dev.podbgp.daemon.cli.ArgParser},
 * {@link dev.podbgp.daemon.cli.HelpText}), the table and JSON renderings of the control API's views. Commands that
 * need the daemon talk to it only through {@link dev.podbgp.daemon.control.ControlClient}; {@code decode}
 * and {@code cleanup} work without a daemon. Must not start sessions or touch the RIB.
 */
package dev.podbgp.daemon.cli;
