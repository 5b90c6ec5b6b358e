package dev.podbgp.daemon.control;

/**
 * A request the daemon refused or failed ({@code {"ok":false,"error":...}} on the wire): the
 * message goes verbatim to the operator, so it must say what is wrong and with what.
 */
public class ControlException extends Exception {
    public ControlException(String message) {
        super(message);
    }
}
