package dev.podbgp.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.daemon.process.BoundedLineReader.Line;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static List<Line> lines(String text, int max) throws IOException {
        BoundedLineReader r = new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
        List<Line> out = new ArrayList<>();
        for (Line l = r.next(); l != null; l = r.next()) {
            out.add(l);
        }
        return out;
    }

    @Test
    void linesLoseTheirNewlineAndTrailingBlanks_aLastLineWithoutNewlineCounts() throws IOException {
        assertThat(lines("announce route 10.0.0.0/24 next-hop self\r\n\nwithdraw route 10.0.0.0/24  ", 100))
                .containsExactly(new Line.Text("announce route 10.0.0.0/24 next-hop self"), new Line.Text(""),
                        new Line.Text("withdraw route 10.0.0.0/24"));
    }

    @Test
    void aLineOverTheLimitIsSkippedToItsNewline_andReadingGoesOn() throws IOException {
        String longLine = "x".repeat(20_000);
        assertThat(lines("ok\n" + longLine + "\nnext\n", 16)).containsExactly(new Line.Text("ok"),
                new Line.TooLong(20_000), new Line.Text("next"));
        assertThat(lines("x".repeat(16) + "\n", 16)).containsExactly(new Line.Text("x".repeat(16)));
    }

    @Test
    void emptyStream_hasNoLines() throws IOException {
        assertThat(lines("", 16)).isEmpty();
    }
}
