package dev.podbgp.config.yaml;

import dev.podbgp.config.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;

/**
 * Reads {@code processes}: the helper programs of ExaBGP's process API. The program is checked the way ExaBGP checks
 * its {@code run} line when it reads its config (it exists, is an executable file, is not setuid), so a typo is a
 * config error and not a respawn loop.
 */
final class ProcessReader {
    /** Names appear in log lines and metrics labels: no spaces or quotes. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private static final int SETUID = 04000;

    private final Map<String, Integer> lineOfName = new HashMap<>();

    List<ProcessSpec> processes(YamlValue list) {
        List<ProcessSpec> out = new ArrayList<>();
        for (YamlValue item : list.list()) {
            item.map(Keys.PROCESS).flatMap(this::process).ifPresent(out::add);
        }
        return out;
    }

    private Optional<ProcessSpec> process(YamlMap m) {
        Optional<String> name = m.required("name").flatMap(v -> v.word().filter(n -> validName(v, n)));
        Optional<List<String>> run = m.required("run").flatMap(this::run);
        ProcessSpec.Encoder encoder = m.get("encoder").flatMap(v -> v.oneOf(Keys.of("json", "text")))
                .map(e -> e.equals("text") ? ProcessSpec.Encoder.TEXT : ProcessSpec.Encoder.JSON)
                .orElse(ProcessSpec.Encoder.JSON);
        boolean ack = m.get("ack").flatMap(YamlValue::bool).orElse(true);
        boolean respawn = m.get("respawn").flatMap(YamlValue::bool).orElse(true);
        ProcessSpec.Receive receive = m.get("receive").flatMap(v -> v.map(Keys.PROCESS_RECEIVE))
                .map(r -> receive(r, encoder)).orElse(ProcessSpec.Receive.NOTHING);
        if (name.isEmpty() || run.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProcessSpec(name.get(), run.get(), encoder, ack, respawn, receive));
    }

    private boolean validName(YamlValue v, String name) {
        if (!NAME.matcher(name).matches()) {
            v.error("'" + name + "' is not a process name (letters, digits, '.', '_', '-'; at most 63)");
            return false;
        }
        int line = v.node().getStartMark().getLine() + 1;
        Integer first = lineOfName.putIfAbsent(name, line);
        if (first != null) {
            v.error("process '" + name + "' is already defined (line " + first + ")");
            return false;
        }
        return true;
    }

    /** A list of words, the program first; no shell reads it, so there is no quoting to get wrong. */
    private Optional<List<String>> run(YamlValue v) {
        if (v.node().getNodeId() != NodeId.sequence) {
            v.error("expected the program and its arguments as a list, e.g. [/usr/bin/python3, -m, exabgp, healthcheck]");
            return Optional.empty();
        }
        List<String> words = v.listOf(YamlValue::text);
        if (words.size() != v.list().size()) {
            return Optional.empty();
        }
        if (words.isEmpty()) {
            v.error("the list is empty; the first word is the program to run");
            return Optional.empty();
        }
        YamlValue program = v.list().getFirst();
        return programProblem(Path.of(words.getFirst())).map(problem -> {
            program.error(problem);
            return Optional.<List<String>>empty();
        }).orElse(Optional.of(words));
    }

    /** ExaBGP refuses the same programs: not found, a directory, not executable by us, setuid. */
    static Optional<String> programProblem(Path program) {
        if (!program.isAbsolute()) {
            return Optional.of("'" + program + "' must be an absolute path (no PATH lookup: the daemon's PATH is not yours)");
        }
        if (!Files.exists(program)) {
            return Optional.of("'" + program + "' does not exist");
        }
        if (Files.isDirectory(program)) {
            return Optional.of("'" + program + "' is a directory");
        }
        if (!Files.isExecutable(program)) {
            return Optional.of("'" + program + "' is not executable");
        }
        try {
            int mode = (Integer) Files.getAttribute(program, "unix:mode");
            if ((mode & SETUID) != 0) {
                return Optional.of("'" + program + "' is setuid; podbgp does not run setuid helpers");
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("'" + program + "' cannot be inspected: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static ProcessSpec.Receive receive(YamlMap m, ProcessSpec.Encoder encoder) {
        m.get("parsed").filter(v -> v.bool().filter(b -> !b).isPresent()).ifPresent(v ->
                v.error("podbgp sends decoded messages only; raw packets (ExaBGP's parsed: false) are not offered"));
        boolean neighborChanges = m.get("neighborChanges").flatMap(YamlValue::bool).orElse(false);
        boolean negotiated = m.get("negotiated").flatMap(YamlValue::bool).orElse(false);
        boolean update = m.get("update").flatMap(YamlValue::bool).orElse(false);
        if (encoder == ProcessSpec.Encoder.TEXT) {
            for (String key : new String[] {"negotiated", "update"}) {
                m.get(key).filter(v -> v.bool().orElse(false)).ifPresent(v ->
                        v.error("podbgp writes " + key + " events as JSON only; use encoder: json"));
            }
        }
        return new ProcessSpec.Receive(neighborChanges, negotiated, update);
    }
}
