package dev.podbgp.daemon.cni;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The network namespace that commands act on. The kernel state this package touches is per
 * network namespace, and the JVM sees it through its own: {@code /proc/sys/net} belongs to the
 * namespace of the thread that opens the file, {@code /sys/class/net} to the namespace sysfs was
 * mounted from. A daemon thread is in the host namespace, so a test that wrote those files from
 * the JVM would change the host. Rather than setns on dedicated threads, every kernel-touching
 * step is an external command ({@code ip}, {@code sysctl}, {@code nft}, CNI plugins), and a named
 * namespace prefixes it with {@code ip netns exec}, which also remounts {@code /sys} for that
 * namespace. One code path, whether the daemon manages its host or a test manages a lab node.
 */
public sealed interface TargetNamespace {

    /** The namespace this process runs in: the host, for a daemon. */
    static TargetNamespace current() {
        return new Current();
    }

    /** A namespace bound by {@code ip netns add NAME} under {@code /var/run/netns}. */
    static TargetNamespace named(String name) {
        return new Named(name);
    }

    /** {@code command} as it must be run to act on this namespace. */
    List<String> wrap(List<String> command);

    record Current() implements TargetNamespace {
        @Override
        public List<String> wrap(List<String> command) {
            return List.copyOf(command);
        }

        @Override
        public String toString() {
            return "current namespace";
        }
    }

    record Named(String name) implements TargetNamespace {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

        public Named {
            if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("not a network namespace name: " + name);
            }
        }

        @Override
        public List<String> wrap(List<String> command) {
            List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
            cmd.addAll(command);
            return List.copyOf(cmd);
        }

        @Override
        public String toString() {
            return "namespace " + name;
        }
    }
}
