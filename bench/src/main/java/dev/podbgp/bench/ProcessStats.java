package dev.podbgp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** RSS, CPU and threads of a set of processes, read from /proc as {@code ps} would. */
record ProcessStats(long rssKb, long peakRssKb, long cpuMillis, int threads) {

    /** Linux reports utime and stime in USER_HZ ticks, 100 per second on every mainstream build. */
    private static final long TICK_MILLIS = 10;

    static ProcessStats of(List<ProcessHandle> processes) throws IOException {
        long rss = 0;
        long peak = 0;
        long cpu = 0;
        int threads = 0;
        for (ProcessHandle p : processes) {
            Path proc = Path.of("/proc", Long.toString(p.pid()));
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss += Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmHWM:")) {
                    peak += Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads += Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            // Fields after the command name, which sits in parentheses and may contain spaces.
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            cpu += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MILLIS; // utime, stime (fields 14, 15)
        }
        return new ProcessStats(rss, peak, cpu, threads);
    }

    /**
     * IPv4 prefixes in the main routing table of the network namespace {@code process} lives in.
     * fib_triestat walks the trie without formatting a line per route, so polling it costs far
     * less than reading /proc/net/route or an {@code ip route} dump of a million routes.
     */
    static long mainTablePrefixes(ProcessHandle process) throws IOException {
        boolean inMain = false;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "net", "fib_triestat"))) {
            if (!line.startsWith("\t") && !line.startsWith(" ")) {
                inMain = line.startsWith("Main:");
            } else if (inMain && line.strip().startsWith("Prefixes:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0; // no main table yet: nothing installed
    }
}
