package dev.podbgp.daemon.log;

/**
 * Found by {@link System.LoggerFinder} through META-INF/services, so every
 * {@code System.getLogger} in the process (bgp-core, rib, fib-netlink, the JDK's own platform
 * loggers included) writes podbgp's one-line format.
 */
public final class PodbgpLoggerFinder extends System.LoggerFinder {
    @Override
    public System.Logger getLogger(String name, Module module) {
        return new LineLogger(name);
    }
}
