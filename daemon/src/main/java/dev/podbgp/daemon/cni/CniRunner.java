package dev.podbgp.daemon.cni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
    public record Attachment(String containerId, Path netns, String ifName, Map<String, Object> capabilities) {
        public Attachment {
            capabilities = Map.copyOf(capabilities);
        }

        public static Attachment of(String containerId, Path netns) {
            return new Attachment(containerId, netns, "eth0", Map.of());
        }
    }

    /** The result of an ADD, as the last plugin printed it. */
    public record Result(JsonNode json) {
        /** The pod's addresses (without prefix length), in the order the result lists them. */
        public List<IpAddress> addresses() {
            List<IpAddress> out = new ArrayList<>();
            for (JsonNode ip : json.path("ips")) {
                String a = ip.path("address").asText();
                int slash = a.indexOf('/');
                out.add(IpAddress.parse(slash < 0 ? a : a.substring(0, slash)));
            }
            return out;
        }
    }

    public Result add(CniConflist conflist, Attachment a) {
        return add(conflist.toTree(), a);
    }

    public Result add(JsonNode conflist, Attachment a) {
        JsonNode prev = null;
        for (JsonNode plugin : plugins(conflist)) {
            ObjectNode conf = pluginConfig(conflist, plugin, a, prev);
            prev = parse(pluginName(plugin), invoke("ADD", conf, a));
        }
        return new Result(prev);
    }

    public void del(CniConflist conflist, Attachment a, Optional<Result> added) {
        del(conflist.toTree(), a, added);
    }

    public void del(JsonNode conflist, Attachment a, Optional<Result> added) {
        List<JsonNode> plugins = plugins(conflist);
        for (int i = plugins.size() - 1; i >= 0; i--) {
            ObjectNode conf = pluginConfig(conflist, plugins.get(i), a, added.map(Result::json).orElse(null));
            invoke("DEL", conf, a);
        }
    }

    private static List<JsonNode> plugins(JsonNode conflist) {
        List<JsonNode> out = new ArrayList<>();
        conflist.path("plugins").forEach(out::add);
        if (out.isEmpty()) {
            throw new IllegalArgumentException("conflist has no plugins");
        }
        return out;
    }

    private static ObjectNode pluginConfig(JsonNode conflist, JsonNode plugin, Attachment a, JsonNode prevResult) {
        ObjectNode conf = JSON.createObjectNode();
        conf.set("cniVersion", conflist.get("cniVersion"));
        conf.set("name", conflist.get("name"));
        plugin.properties().forEach(e -> conf.set(e.getKey(), e.getValue()));
        Map<String, Object> runtime = new LinkedHashMap<>();
        plugin.path("capabilities").properties().forEach(e -> {
            if (e.getValue().asBoolean() && a.capabilities().containsKey(e.getKey())) {
                runtime.put(e.getKey(), a.capabilities().get(e.getKey()));
            }
        });
        if (!runtime.isEmpty()) {
            conf.set("runtimeConfig", JSON.valueToTree(runtime));
        }
        if (prevResult != null) {
            conf.set("prevResult", prevResult);
        }
        return conf;
    }

    private String invoke(String command, ObjectNode conf, Attachment a) {
        String type = pluginName(conf);
        Path binary = locate(type);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", a.containerId());
        env.put("CNI_NETNS", a.netns().toString());
        env.put("CNI_IFNAME", a.ifName());
        env.put("CNI_PATH", String.join(":", cniPath.stream().map(Path::toString).toList()));
        byte[] stdin;
        try {
            stdin = JSON.writeValueAsBytes(conf);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Exec.Result r = Exec.run(node.wrap(List.of(binary.toString())), stdin, env, PLUGIN_TIMEOUT);
        if (!r.ok()) {
            throw error(type, command, r);
        }
        return r.stdout();
    }

    private static CniException error(String type, String command, Exec.Result r) {
        try {
            JsonNode e = JSON.readTree(r.stdout());
            if (e != null && e.has("msg")) {
                String details = e.path("details").asText("");
                return new CniException(type, e.path("code").asInt(-1),
                        command + ": " + e.get("msg").asText() + (details.isEmpty() ? "" : ": " + details));
            }
        } catch (JsonProcessingException ignored) {
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

    private static String pluginName(JsonNode plugin) {
        JsonNode t = plugin.get("type");
        if (t == null || !t.isTextual()) {
            throw new IllegalArgumentException("plugin without a type: " + plugin);
        }
        return t.asText();
    }

    private static JsonNode parse(String plugin, String stdout) {
        try {
            JsonNode n = JSON.readTree(stdout.getBytes(StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) {
                throw new CniException(plugin, -1, "ADD printed no result object: " + stdout);
            }
            return n;
        } catch (java.io.IOException e) {
            throw new CniException(plugin, -1, "ADD printed something that is not JSON: " + stdout);
        }
    }
}
