package dev.podbgp.fib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.fib.netns.NetworkNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away network namespace {@code pbt-fib-XXXX} with a veth interface {@code d0}
 * (10.0.0.1/24, 2001:db8::1/64, up) so gateways resolve. Tests read the kernel back with
 * {@code ip -j} run inside it; close deletes it.
 */
public final class TestNamespace implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    public static TestNamespace create() throws IOException {
        String name = "pbt-fib-" + Long.toHexString(ProcessHandle.current().pid()) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16));
        run("ip", "netns", "add", name);
        TestNamespace ns = new TestNamespace(name);
        try {
            ns.ip("link", "set", "lo", "up");
            // A veth pair inside the namespace (this kernel has no dummy driver); d1 keeps d0's carrier up.
            ns.ip("link", "add", "d0", "type", "veth", "peer", "name", "d1");
            ns.ip("link", "set", "d1", "up");
            ns.ip("link", "set", "d0", "up");
            ns.ip("addr", "add", "10.0.0.1/24", "dev", "d0");
            ns.ip("-6", "addr", "add", "2001:db8::1/64", "dev", "d0", "nodad");
            return ns;
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    public NetworkNamespace namespace() {
        return NetworkNamespace.named(name);
    }

    public String ip(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name, "ip"));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    public JsonNode ipJson(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("-j"));
        command.addAll(List.of(args));
        String out = ip(command.toArray(String[]::new)).strip();
        return JSON.readTree(out.isEmpty() ? "[]" : out);
    }

    /** {@code ip -j [-6] route show table T proto P}. */
    public JsonNode routes(boolean ipv6, int table, int protocol) throws IOException {
        try {
            return routesOrFail(ipv6, table, protocol);
        } catch (IOException e) {
            // iproute2 fails on a table without routes of that family instead of printing nothing.
            if (e.getMessage().contains("FIB table does not exist")) {
                return JSON.readTree("[]");
            }
            throw e;
        }
    }

    private JsonNode routesOrFail(boolean ipv6, int table, int protocol) throws IOException {
        return ipv6 ? ipJson("-6", "route", "show", "table", "" + table, "proto", "" + protocol)
                : ipJson("route", "show", "table", "" + table, "proto", "" + protocol);
    }

    public int ifindex(String device) throws IOException {
        return ipJson("link", "show", "dev", device).get(0).get("ifindex").asInt();
    }

    public static String runOnHost(String... command) throws IOException {
        return run(command);
    }

    static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read before waiting: a large listing would otherwise fill the pipe and block ip.
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        run("ip", "netns", "delete", name);
    }
}
