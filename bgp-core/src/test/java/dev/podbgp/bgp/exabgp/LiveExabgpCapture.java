package dev.podbgp.bgp.exabgp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a SENDER and a RECEIVER ExaBGP 4.2.21 as BGP neighbors in two fresh network namespaces
 * ({@link NamespacePair}), feeds text commands to the sender's API process and records what the
 * receiver got: raw octets ({@code receive { packets; }}) and ExaBGP's parsed JSON.
 *
 * <p>Which messages belong to which command: after each command is acknowledged, the capture
 * sends {@code announce eor ipv4 unicast}. ExaBGP sends a queued EoR only once no route update is
 * pending (reactor/peer.py), so everything the receiver gets before that EoR came from the
 * command. Every wait is bounded; {@link #close()} (also run by a shutdown hook) stops the
 * processes and deletes the namespaces.
 */
public final class LiveExabgpCapture implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long SESSION_TIMEOUT_MS = 30_000;
    private static final long STEP_TIMEOUT_MS = 10_000;
    static final String SENTINEL = "announce eor ipv4 unicast";

    private final CaptureContext context;
    private final NamespacePair lab = new NamespacePair();
    private final Path dir;
    private final Thread hook = new Thread(this::cleanUp, "pbt-exabgp-capture-cleanup");
    private Process sender;
    private Process receiver;

    /** All receiver lines so far, parsed, volatile keys removed. */
    private final List<JsonNode> lines = new ArrayList<>();
    private final List<ReceivedMessage> messages = new ArrayList<>();
    private JsonNode pendingPacket;
    private long readOffset;
    private int answersSeen;
    private int initialCount;
    private boolean closed;

    private LiveExabgpCapture(CaptureContext context) throws IOException {
        this.context = context;
        this.dir = Files.createTempDirectory("pbt-exabgp-capture-");
    }

    /** Starts both ExaBGPs and waits until the receiver has the sender's initial End-of-RIBs. */
    public static LiveExabgpCapture start(CaptureContext context) {
        LiveExabgpCapture c;
        try {
            c = new LiveExabgpCapture(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(c.hook);
        try {
            c.launch();
            return c;
        } catch (RuntimeException | IOException e) {
            c.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private void launch() throws IOException {
        ExabgpBinary.path();
        lab.create();
        script("sender.sh", """
                #!/bin/sh
                # ExaBGP's answers (done/error) arrive on stdin; the commands the test appends go to stdout.
                exec 3<&0
                cat <&3 >> %1$s/answers.txt &
                exec tail -n +1 -f %1$s/commands.txt
                """.formatted(dir));
        script("receiver.sh", """
                #!/bin/sh
                # No exec: ExaBGP counts a helper whose stdout closes as dead, so this shell keeps it open.
                cat >> %s/received.txt
                """.formatted(dir));
        Files.writeString(dir.resolve("commands.txt"), "");
        Files.writeString(dir.resolve("answers.txt"), "");
        Files.writeString(dir.resolve("received.txt"), "");
        Files.writeString(dir.resolve("sender.conf"), senderConfig());
        Files.writeString(dir.resolve("receiver.conf"), receiverConfig());
        // The receiver listens on its veth address only, inside its namespace.
        receiver = exabgp(lab.b, "receiver", List.of("exabgp.tcp.bind=" + NamespacePair.B4));
        sender = exabgp(lab.a, "sender", List.of());
        await("the initial End-of-RIBs", SESSION_TIMEOUT_MS,
                () -> messages.stream().anyMatch(m -> m.isEor("ipv4"))
                        && messages.stream().anyMatch(m -> m.isEor("ipv6")));
        initialCount = messages.size();
    }

    private String family() {
        return "  family {\n    ipv4 unicast;\n    ipv6 unicast;\n  }\n";
    }

    private String capability(String addPath) {
        return "  capability {\n    asn4 " + (context.asn4() ? "enable" : "disable") + ";\n"
                + (context.addPath() ? "    add-path " + addPath + ";\n" : "") + "  }\n";
    }

    private String senderConfig() {
        return "process commands {\n  run " + dir.resolve("sender.sh") + ";\n  encoder json;\n}\n"
                + "neighbor " + NamespacePair.B4 + " {\n"
                + "  router-id " + NamespacePair.A4 + ";\n  local-address " + NamespacePair.A4 + ";\n"
                + "  local-as " + context.localAs() + ";\n  peer-as " + context.peerAs() + ";\n"
                + capability("send") + family()
                + "  api {\n    processes [ commands ];\n  }\n}\n";
    }

    private String receiverConfig() {
        return "process record {\n  run " + dir.resolve("receiver.sh") + ";\n  encoder json;\n}\n"
                + "neighbor " + NamespacePair.A4 + " {\n"
                + "  router-id " + NamespacePair.B4 + ";\n  local-address " + NamespacePair.B4 + ";\n"
                + "  local-as " + context.peerAs() + ";\n  peer-as " + context.localAs() + ";\n"
                + "  passive true;\n"
                + capability("receive") + family()
                + "  api {\n    processes [ record ];\n    neighbor-changes;\n"
                + "    receive {\n      parsed;\n      packets;\n      update;\n      open;\n"
                + "      notification;\n      keepalive;\n    }\n  }\n}\n";
    }

    private void script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Process exabgp(String ns, String name, List<String> extraEnv) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("env", "exabgp.api.cli=false", "exabgp.log.short=true",
                // Root keeps root: the helper scripts write into this test's private directory.
                "exabgp.daemon.drop=false", "exabgp.daemon.user=root"));
        cmd.addAll(extraEnv);
        cmd.add(ExabgpBinary.path().toString());
        cmd.add(dir.resolve(name + ".conf").toString());
        ProcessBuilder pb = new ProcessBuilder(NamespacePair.inside(ns, cmd))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    public CaptureContext context() {
        return context;
    }

    /** Everything the receiver got up to the sender's initial End-of-RIBs: OPEN, KEEPALIVE, EoRs. */
    public List<ReceivedMessage> initialMessages() {
        return List.copyOf(messages.subList(0, initialCount));
    }

    /** Every line the receiver's API process got, in order: state, open, keepalive, update, ... */
    public List<JsonNode> receiverLines() {
        poll();
        return List.copyOf(lines);
    }

    /** Sends one command to the sender and returns what the receiver got for it. */
    public CommandCapture send(String command) {
        int before = messages.size();
        String answer = command(command);
        String sentinelAnswer = command(SENTINEL);
        if (!sentinelAnswer.equals("done")) {
            throw new IllegalStateException("the sender refused the End-of-RIB marker: " + sentinelAnswer);
        }
        await("the End-of-RIB marker after '" + command + "'", STEP_TIMEOUT_MS,
                () -> messages.subList(before, messages.size()).stream().anyMatch(m -> m.isEor("ipv4")));
        List<ReceivedMessage> got = new ArrayList<>(messages.subList(before, messages.size()));
        // The marker is an UPDATE 0000 0000; everything before it belongs to the command.
        ReceivedMessage marker = got.removeLast();
        if (!marker.isEor("ipv4") || got.stream().anyMatch(m -> m.isEor("ipv4"))) {
            throw new IllegalStateException("messages after the marker, or two markers: " + got);
        }
        return new CommandCapture(command, answer, List.copyOf(got));
    }

    /** Writes a command for the sender's API process and returns its answer (done / error). */
    public String command(String command) {
        if (command.contains("\n")) {
            throw new IllegalArgumentException("one line per command: " + command);
        }
        try {
            Files.writeString(dir.resolve("commands.txt"), command + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] answer = new String[1];
        await("the sender's answer to '" + command + "'", STEP_TIMEOUT_MS, () -> {
            List<String> answers = answers();
            if (answers.size() > answersSeen) {
                answer[0] = answers.get(answersSeen);
                answersSeen++;
                return true;
            }
            return false;
        });
        return answer[0];
    }

    private List<String> answers() {
        try {
            return Files.readAllLines(dir.resolve("answers.txt")).stream()
                    .filter(l -> l.equals("done") || l.equals("error"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (bounded) until the receiver has at least {@code count} lines matching {@code type}. */
    public void awaitLines(String what, java.util.function.Predicate<JsonNode> match, int count) {
        await(what, STEP_TIMEOUT_MS, () -> lines.stream().filter(match).count() >= count);
    }

    private void await(String what, long timeoutMs, BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            poll();
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeoutMs + " ms waiting for " + what
                        + "\n--- sender log:\n" + tail("sender.log") + "\n--- receiver log:\n" + tail("receiver.log")
                        + "\n--- receiver lines:\n" + tail("received.txt"));
            }
            if (!sender.isAlive() && !receiver.isAlive()) {
                throw new IllegalStateException("both ExaBGPs exited while waiting for " + what
                        + "\n--- sender log:\n" + tail("sender.log") + "\n--- receiver log:\n" + tail("receiver.log"));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private String tail(String file) {
        try {
            List<String> all = Files.readAllLines(dir.resolve(file));
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    /** Reads complete new lines of the receiver's output and pairs packets with parsed lines. */
    private void poll() {
        byte[] all;
        try {
            all = Files.readAllBytes(dir.resolve("received.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = (int) readOffset;
        for (int i = start; i < all.length; i++) {
            if (all[i] == '\n') {
                String line = new String(all, start, i - start, StandardCharsets.UTF_8);
                start = i + 1;
                if (!line.isBlank()) {
                    accept(line);
                }
            }
        }
        readOffset = start;
    }

    private void accept(String line) {
        JsonNode json;
        try {
            json = MAPPER.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException("receiver printed a line that is not JSON: " + line, e);
        }
        ((ObjectNode) json).remove(ExabgpOracle.VOLATILE_KEYS);
        lines.add(json);
        JsonNode message = json.path("neighbor").path("message");
        if (message.has("header") && message.has("category")) {
            if (pendingPacket != null) {
                // Seen when the sender sent bytes the receiver refused (it then resets the session).
                throw new IllegalStateException("the receiver printed no parsed line for the message "
                        + pendingPacket.path("neighbor").path("message") + "; next line: " + json);
            }
            pendingPacket = json;
            return;
        }
        if (pendingPacket != null && pendingPacket.path("type").equals(json.path("type"))) {
            JsonNode m = pendingPacket.path("neighbor").path("message");
            messages.add(new ReceivedMessage(json.path("type").asText(), stripHex(m.path("header").asText()),
                    stripHex(m.path("body").asText()), json));
            pendingPacket = null;
        }
    }

    private static String stripHex(String s) {
        return s.startsWith("0x") ? s.substring(2) : s;
    }

    /** Stops the sender with SIGTERM and waits (bounded) for the receiver to report the session down. */
    public void stopSender() {
        sender.destroy();
        try {
            if (!sender.waitFor(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                sender.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitLines("the receiver's 'down' state", l -> l.path("neighbor").path("state").asText().equals("down"), 1);
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already in the JVM's shutdown: the hook is running or has run
        }
    }

    private synchronized void cleanUp() {
        if (closed) {
            return;
        }
        closed = true;
        for (Process p : new Process[] {sender, receiver}) {
            if (p == null) {
                continue;
            }
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : new Process[] {sender, receiver}) {
            if (p == null) {
                continue;
            }
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lab.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless; namespaces and processes are what matter
        }
    }
}
