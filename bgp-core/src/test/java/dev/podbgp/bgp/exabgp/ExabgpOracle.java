package dev.podbgp.bgp.exabgp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.Family;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Decodes UPDATE messages with the real ExaBGP 4.2.21 ({@code exabgp CONF --decode HEX ...}) and
 * returns its JSON, one result per input, in input order. One process run costs ~0.2–0.5 s, so
 * callers should hand over hundreds of messages at once. See docs/exabgp-oracle.md for what was
 * found about ExaBGP's behaviour; the quirks handled here:
 * <ul>
 *   <li>all {@code --decode} arguments are concatenated and split by the 16-octet marker, so every
 *       message is passed with its header;</li>
 *   <li>ExaBGP reads the header length as {@code (byte16 << 16) + byte17} (a bug), so a message of
 *       256 octets or more swallows everything after it: such a message always ends a batch;</li>
 *   <li>the first message ExaBGP cannot parse stops the run with exit 1 ("could not parse the
 *       message"): it is reported as {@link OracleResult.Refused} and the rest is rerun;</li>
 *   <li>ADD-PATH under {@code --decode} is all-or-nothing (every family, and only with
 *       {@code add-path send/receive}), so a context with per-family ADD-PATH splits the batch.</li>
 * </ul>
 * Every line is paired with its input by ExaBGP's own per-run {@code counter}; any surplus,
 * missing or out-of-order line is an {@link IllegalStateException}, never a silent mis-pairing.
 */
public final class ExabgpOracle {

    /** Volatile envelope keys: they differ on every run. */
    public static final List<String> VOLATILE_KEYS = List.of("time", "host", "pid", "ppid", "counter");

    private static final String MARKER = "FF".repeat(16);
    private static final String JSON_PREFIX = "update json ";
    private static final String REFUSAL = "could not parse the message";
    /** Linux caps argv+envp at about 2 MiB; stay well below. */
    private static final int MAX_BATCH_CHARS = 512 * 1024;
    private static final int MAX_BATCH_MESSAGES = 2000;
    private static final long TIMEOUT_SECONDS = 120;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OracleContext context;

    public ExabgpOracle(OracleContext context) {
        this.context = context;
    }

    public ExabgpOracle() {
        this(OracleContext.DEFAULT);
    }

    public OracleResult decodeOne(String hex) {
        return decode(List.of(hex)).getFirst();
    }

    /** Decodes {@code hexMessages} (full messages with marker, or UPDATE bodies). */
    public List<OracleResult> decode(List<String> hexMessages) {
        List<String> messages = hexMessages.stream().map(ExabgpOracle::normalize).toList();
        OracleResult[] results = new OracleResult[messages.size()];
        List<Integer> withPathIds = new ArrayList<>();
        List<Integer> withoutPathIds = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            (needsPathIds(messages.get(i)) ? withPathIds : withoutPathIds).add(i);
        }
        run(false, withoutPathIds, messages, results);
        run(true, withPathIds, messages, results);
        return Arrays.asList(results);
    }

    /** Whether this message must be decoded in a run with ADD-PATH on (see class comment). */
    private boolean needsPathIds(String message) {
        Set<Family> ap = context.addPathReceive();
        if (ap.isEmpty()) {
            return false;
        }
        if (ap.containsAll(context.families())) {
            return true;
        }
        Set<Family> touched = UpdateFamilies.of(Bytes.fromHex(message));
        boolean any = touched.stream().anyMatch(ap::contains);
        boolean all = touched.stream().allMatch(ap::contains);
        if (any && !all) {
            throw new IllegalArgumentException("ExaBGP --decode cannot mix ADD-PATH and plain families in one"
                    + " UPDATE: " + touched + " with ADD-PATH on " + ap);
        }
        return any;
    }

    private void run(boolean addPath, List<Integer> indices, List<String> messages, OracleResult[] results) {
        if (indices.isEmpty()) {
            return;
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("pbt-exabgp-oracle-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path conf = dir.resolve("oracle.conf");
            Files.writeString(conf, ExabgpConfig.decodeNeighbor(context, addPath));
            int pos = 0;
            while (pos < indices.size()) {
                List<Integer> batch = nextBatch(indices, pos, messages);
                pos += runBatch(conf, dir, batch, messages, results);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    private static List<Integer> nextBatch(List<Integer> indices, int from, List<String> messages) {
        List<Integer> batch = new ArrayList<>();
        int chars = 0;
        for (int i = from; i < indices.size() && batch.size() < MAX_BATCH_MESSAGES; i++) {
            String m = messages.get(indices.get(i));
            if (!batch.isEmpty() && chars + m.length() > MAX_BATCH_CHARS) {
                break;
            }
            batch.add(indices.get(i));
            chars += m.length();
            // ExaBGP's length bug: only the last message of a run may be 256 octets or longer.
            if (m.length() / 2 >= 256) {
                break;
            }
        }
        return batch;
    }

    /** Runs one process; returns how many messages of {@code batch} it settled (decoded or refused). */
    private int runBatch(Path conf, Path dir, List<Integer> batch, List<String> messages, OracleResult[] results)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ExabgpBinary.path().toString(), conf.toString()));
        for (int index : batch) {
            cmd.add("--decode");
            cmd.add(messages.get(index));
        }
        Path out = dir.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.directory(dir.toFile());
        ExabgpBinary.environment(pb.environment());
        Process p = pb.start();
        int rc;
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("exabgp --decode did not finish in " + TIMEOUT_SECONDS + " s");
            }
            rc = p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for exabgp", e);
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        List<JsonNode> decoded = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        int refusedAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(JSON_PREFIX)) {
                String text = line.substring(JSON_PREFIX.length());
                JsonNode json = MAPPER.readTree(text);
                long counter = json.path("counter").asLong(-1);
                if (counter != decoded.size() + 1) {
                    throw mismatch("line counter " + counter + " where " + (decoded.size() + 1) + " was due", lines);
                }
                raw.add(text);
                decoded.add(json);
            } else if (line.equals(REFUSAL)) {
                refusedAt = i;
                break;
            }
        }
        boolean refused = refusedAt >= 0;
        if (rc == 0 && !refused && decoded.size() == batch.size()) {
            store(batch, decoded, raw, results);
            return batch.size();
        }
        if (rc == 1 && refused && decoded.size() < batch.size()) {
            store(batch, decoded, raw, results);
            int bad = batch.get(decoded.size());
            results[bad] = new OracleResult.Refused(bad, reason(lines, refusedAt));
            return decoded.size() + 1;
        }
        throw mismatch("exit " + rc + ", " + decoded.size() + " JSON lines for " + batch.size()
                + " messages, refusal " + refused, lines);
    }

    private static void store(List<Integer> batch, List<JsonNode> decoded, List<String> raw, OracleResult[] results) {
        for (int i = 0; i < decoded.size(); i++) {
            ObjectNode json = (ObjectNode) decoded.get(i);
            json.remove(VOLATILE_KEYS);
            int index = batch.get(i);
            results[index] = new OracleResult.Decoded(index, raw.get(i), json);
        }
    }

    /** The exception line of the traceback ExaBGP prints after its refusal. */
    private static String reason(List<String> lines, int refusedAt) {
        String last = "";
        for (int i = refusedAt + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("Traceback")) {
                last = line;
            }
        }
        return last;
    }

    private static IllegalStateException mismatch(String what, List<String> lines) {
        return new IllegalStateException("exabgp --decode output does not pair with the input (" + what
                + "); output:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }

    /**
     * Upper-case hex with header. A body gets a header; a full message must have a correct length
     * field and type 2, because ExaBGP splits the batch by that field and decodes only UPDATEs.
     */
    static String normalize(String hex) {
        String clean = hex.replace(" ", "").replace(":", "").toUpperCase();
        if (clean.length() % 2 != 0 || !clean.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not hex: " + hex);
        }
        if (!clean.startsWith(MARKER)) {
            int length = clean.length() / 2 + 19;
            return MARKER + HexFormat.of().withUpperCase().toHexDigits((short) length) + "02" + clean;
        }
        if (clean.length() < 38) {
            throw new IllegalArgumentException("shorter than a BGP header: " + hex);
        }
        int declared = Integer.parseInt(clean.substring(32, 36), 16);
        if (declared != clean.length() / 2) {
            throw new IllegalArgumentException("header length " + declared + " but " + clean.length() / 2
                    + " octets: ExaBGP would mis-split the batch");
        }
        if (!clean.startsWith("02", 36)) {
            throw new IllegalArgumentException("ExaBGP --decode only decodes UPDATE (type 2): " + hex);
        }
        return clean;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
