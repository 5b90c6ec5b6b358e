package dev.podbgp.daemon.process;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The facts of ExaBGP's JSON envelope that do not change: the host name, and the pid and parent pid of the daemon. */
public record EventOrigin(String host, long pid, long ppid) {

    public static EventOrigin ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        ProcessHandle self = ProcessHandle.current();
        return new EventOrigin(host, self.pid(), self.parent().map(ProcessHandle::pid).orElse(0L));
    }
}
