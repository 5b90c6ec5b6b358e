package dev.podbgp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's native memory tracking summary ({@code jcmd PID VM.native_memory summary}, the JVM started with
 * {@code -XX:NativeMemoryTracking=summary}), cut to one line per category: committed MB, then reserved.
 */
final class NativeMemory {

    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB[,)]");
    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");

    private NativeMemory() {}

    static String summary(ProcessHandle jvm) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String out = Exec.check(jcmd, Long.toString(jvm.pid()), "VM.native_memory", "summary");
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            String l = line.strip();
            Matcher total = TOTAL.matcher(l);
            Matcher category = CATEGORY.matcher(l);
            if (total.find()) {
                lines.add(row("Total", total.group(2), total.group(1)));
            } else if (category.find() && Long.parseLong(category.group(3)) >= 512) {
                lines.add(row(category.group(1), category.group(3), category.group(2)));
            }
        }
        // What NMT does not see: the mapped libjvm, CDS archive and jars (file), malloc arenas beyond NMT's own.
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(jvm.pid()), "status"))) {
            if (line.startsWith("RssAnon:") || line.startsWith("RssFile:")) {
                lines.add(String.format(Locale.ROOT, "  %-24s %7.1f MB", line.substring(0, line.indexOf(':')),
                        Long.parseLong(line.replaceAll("\\D", "")) / 1024.0));
            }
        }
        return String.join("\n", lines);
    }

    private static String row(String name, String committedKb, String reservedKb) {
        return String.format(Locale.ROOT, "  %-24s committed %7.1f MB  reserved %8.1f MB", name,
                Long.parseLong(committedKb) / 1024.0, Long.parseLong(reservedKb) / 1024.0);
    }
}
