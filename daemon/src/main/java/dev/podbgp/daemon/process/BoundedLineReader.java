package dev.podbgp.daemon.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines from a helper's stdout or stderr, each at most {@code maxLength} bytes. A longer line is not buffered: its
 * bytes are skipped up to the next newline and it comes back as {@link Line.TooLong}, so a helper that prints
 * megabytes without a newline costs a fixed buffer, not the heap. Not thread-safe: one reader thread per stream.
 */
final class BoundedLineReader {

    /** One line as read. */
    sealed interface Line {
        /** The line without its newline and trailing white space (ExaBGP strips them too). */
        record Text(String text) implements Line {}

        /** A line longer than the limit; {@code length} counts the bytes seen before the newline. */
        record TooLong(long length) implements Line {}
    }

    private final InputStream in;
    private final byte[] line;
    private final byte[] chunk = new byte[8192];
    private int chunkPos;
    private int chunkEnd;

    BoundedLineReader(InputStream in, int maxLength) {
        this.in = in;
        this.line = new byte[maxLength];
    }

    /** The next line, or null at end of stream (a last line without a newline is still returned). */
    Line next() throws IOException {
        int length = 0;
        long seen = 0;
        while (true) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    return seen == 0 ? null : result(length, seen);
                }
            }
            byte b = chunk[chunkPos++];
            if (b == '\n') {
                return result(length, seen);
            }
            if (seen < line.length) {
                line[length++] = b;
            }
            seen++;
        }
    }

    private Line result(int length, long seen) {
        if (seen > line.length) {
            return new Line.TooLong(seen);
        }
        return new Line.Text(new String(line, 0, length, StandardCharsets.UTF_8).stripTrailing());
    }
}
