package dev.podbgp.fib.netlink;

import java.io.IOException;

/** A netlink syscall failed as a whole (not one request inside a batch: those are results). */
public final class NetlinkException extends IOException {

    private final int errno;

    public NetlinkException(String operation, int errno) {
        super(operation + " failed: " + Errno.name(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
