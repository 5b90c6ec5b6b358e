package dev.podbgp.daemon.cni;

import dev.podbgp.daemon.json.JsonBoolean;
import dev.podbgp.daemon.json.JsonException;
import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonParser;
import dev.podbgp.daemon.json.JsonValue;
import dev.podbgp.inet.IpAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a conflist's plugins the way a container runtime does (CNI spec 1.0, "Execution of
 * Network Configuration Lists"), so the demo and the tests attach pods with the real plugins and
 * exactly the conflist podbgp writes.
 *
 * <ul>
 *   <li>Each plugin gets its own object from {@code plugins}, plus the list's {@code cniVersion}
 *   and {@code name}, on stdin; the CNI_* variables in its environment.</li>
 *   <li>ADD runs the plugins in order; from the second on, the previous plugin's result is
 *   {@code prevResult}. The last result is the attachment's result.</li>
 *   <li>DEL runs them in reverse order, each with the ADD result as {@code prevResult} when the
 *   caller kept it. DEL of something that is not there succeeds (plugins must tolerate it).</li>
 *   <li>A plugin that declares a capability ({@code "capabilities": {"portMappings": true}}) gets
 *   the caller's value for it under {@code runtimeConfig}; others get nothing.</li>
 * </ul>
 * A failed ADD leaves what earlier plugins did; as runtimes do, the caller follows with DEL.
 */
public final class CniRunner {
    /** Where Debian's containernetworking-plugins and the upstream tarball put the plugins. */
    public static final List<Path> DEFAULT_CNI_PATH = List.of(Path.of("/usr/lib/cni"), Path.of("/opt/cni/bin"));
    private static final Duration PLUGIN_TIMEOUT = Duration.ofSeconds(30);

    private final TargetNamespace node;
    private final List<Path> cniPath;

    /**
     * @param node    where the plugins run: the node's network namespace (host-side veth, bridge)
     * @param cniPath directories searched for plugin binaries, in order
     */
    public CniRunner(TargetNamespace node, List<Path> cniPath) {
        this.node = node;
        this.cniPath = List.copyOf(cniPath);
    }

    public CniRunner(TargetNamespace node) {
        this(node, DEFAULT_CNI_PATH);
    }

    /**
     * One pod interface.
     *
     * @param containerId  unique per pod; host-local keys its leases by it
     * @param netns        path of the pod's network namespace, e.g. {@code /var/run/netns/pod1}
     * @param ifName       interface name inside the pod
     * @param capabilities runtime values by capability name, e.g. {@code portMappings}
     */
    public record Attachment(String containerId, Path netns, String ifName, Map<String, JsonValue> capabilities) {
        public Attachment {
            capabilities = Map.copyOf(capabilities);
        }

        public static Attachment of(String containerId, Path netns) {
            return new Attachment(containerId, netns, "eth0", Map.of());
        }
    }

    /** The result of an ADD, as the last plugin printed it. */
    public record Result(JsonObject json) {
        /** The pod's addresses (without prefix length), in the order the result lists them. */
        public List<IpAddress> addresses() {
            List<IpAddress> out = new ArrayList<>();
            for (JsonValue ip : json.array("ips")) {
                String a = ip.asObject().flatMap(o -> o.string("address"))
                        .orElseThrow(() -> new JsonException("CNI result ip without an address: " + ip));
                int slash = a.indexOf('/');
                out.add(IpAddress.parse(slash < 0 ? a : a.substring(0, slash)));
            }
            return out;
        }
    }

    public Result add(CniConflist conflist, Attachment a) {
        return add(conflist.toTree(), a);
    }

    public Result add(JsonObject conflist, Attachment a) {
        JsonObject prev = null;
        for (JsonObject plugin : plugins(conflist)) {
            JsonObject conf = pluginConfig(conflist, plugin, a, prev);
            prev = parse(pluginName(plugin), invoke("ADD", conf, a));
        }
        return new Result(prev);
    }

    public void del(CniConflist conflist, Attachment a, Optional<Result> added) {
        del(conflist.toTree(), a, added);
    }

    public void del(JsonObject conflist, Attachment a, Optional<Result> added) {
        List<JsonObject> plugins = plugins(conflist);
        for (int i = plugins.size() - 1; i >= 0; i--) {
            JsonObject conf = pluginConfig(conflist, plugins.get(i), a, added.map(Result::json).orElse(null));
            invoke("DEL", conf, a);
        }
    }

    private static List<JsonObject> plugins(JsonObject conflist) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue plugin : conflist.array("plugins")) {
            out.add(plugin.asObject().orElseThrow(() -> new IllegalArgumentException("plugin is not an object: " + plugin)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("conflist has no plugins");
        }
        return out;
    }

    private static JsonObject pluginConfig(JsonObject conflist, JsonObject plugin, Attachment a, JsonObject prevResult) {
        JsonObject.Builder conf = JsonObject.builder();
        conflist.get("cniVersion").ifPresent(v -> conf.put("cniVersion", v));
        conflist.get("name").ifPresent(v -> conf.put("name", v));
        plugin.members().forEach(conf::put);
        JsonObject.Builder runtime = JsonObject.builder();
        boolean anyRuntime = false;
        for (Map.Entry<String, JsonValue> e : plugin.object("capabilities").orElse(JsonObject.EMPTY).members().entrySet()) {
            JsonValue value = a.capabilities().get(e.getKey());
            if (e.getValue() == JsonBoolean.TRUE && value != null) {
                runtime.put(e.getKey(), value);
                anyRuntime = true;
            }
        }
        if (anyRuntime) {
            conf.put("runtimeConfig", runtime.build());
        }
        if (prevResult != null) {
            conf.put("prevResult", prevResult);
        }
        return conf.build();
    }

    private String invoke(String command, JsonObject conf, Attachment a) {
        String type = pluginName(conf);
        Path binary = locate(type);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", a.containerId());
        env.put("CNI_NETNS", a.netns().toString());
        env.put("CNI_IFNAME", a.ifName());
        env.put("CNI_PATH", String.join(":", cniPath.stream().map(Path::toString).toList()));
        byte[] stdin = conf.toJson().getBytes(StandardCharsets.UTF_8);
        Exec.Result r = Exec.run(node.wrap(List.of(binary.toString())), stdin, env, PLUGIN_TIMEOUT);
        if (!r.ok()) {
            throw error(type, command, r);
        }
        return r.stdout();
    }

    private static CniException error(String type, String command, Exec.Result r) {
        try {
            if (JsonParser.parse(r.stdout()) instanceof JsonObject e && e.string("msg").isPresent()) {
                String details = e.string("details").orElse("");
                long code = e.integer("code").orElse(-1);
                return new CniException(type, code == (int) code ? (int) code : -1,
                        command + ": " + e.requireString("msg") + (details.isEmpty() ? "" : ": " + details));
            }
        } catch (JsonException ignored) {
            // not an error result; report the raw output below
        }
        return new CniException(type, -1, command + " exited " + r.exitCode() + ": " + r.stdout().strip() + " "
                + r.stderr().strip());
    }

    private Path locate(String type) {
        if (type.contains("/") || type.startsWith(".")) {
            throw new IllegalArgumentException("plugin type must be a plain name: " + type);
        }
        for (Path dir : cniPath) {
            Path p = dir.resolve(type);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new CniException(type, -1, "no executable plugin in " + cniPath
                + " (Debian: apt-get install containernetworking-plugins)");
    }

    private static String pluginName(JsonObject plugin) {
        return plugin.string("type").orElseThrow(() -> new IllegalArgumentException("plugin without a type: " + plugin));
    }

    private static JsonObject parse(String plugin, String stdout) {
        JsonValue n;
        try {
            n = JsonParser.parse(stdout);
        } catch (JsonException e) {
            throw new CniException(plugin, -1, "ADD printed something that is not JSON (" + e.getMessage() + "): " + stdout);
        }
        return n.asObject().orElseThrow(() -> new CniException(plugin, -1, "ADD printed no result object: " + stdout));
    }
}
