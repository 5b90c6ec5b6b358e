package dev.podbgp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever an operator's editor leaves in the file, loading ends in a config or a
 * ConfigException with placed messages, never in another exception.
 */
class LoaderRobustnessTest {
    private static final List<String> EXAMPLE = readExample();

    private static List<String> readExample() {
        try {
            return Files.readAllLines(ExampleConfigTest.EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 300)
    void editedExample_loadsOrIsRefusedWithPlacedErrors(@ForAll @IntRange(min = 0, max = 200) int line,
                                                         @ForAll @IntRange(min = 0, max = 80) int column,
                                                         @ForAll @StringLength(max = 6) String inserted,
                                                         @ForAll @IntRange(min = 0, max = 2) int edit) {
        List<String> lines = new ArrayList<>(EXAMPLE);
        int i = line % lines.size();
        String l = lines.get(i);
        int c = Math.min(column, l.length());
        switch (edit) {
            case 0 -> lines.set(i, l.substring(0, c) + inserted + l.substring(c));
            case 1 -> lines.remove(i);
            default -> lines.add(i, l);
        }
        String text = String.join("\n", lines) + "\n";
        try {
            ConfigLoader.parse("podbgp.yaml", text, Path.of("."));
        } catch (ConfigException e) {
            assertThat(e.errors()).isNotEmpty().anySatisfy(err -> assertThat(err.isError()).isTrue());
            assertThat(e.errors()).allSatisfy(err -> assertThat(err.toString()).startsWith("podbgp.yaml"));
        }
    }

    @Property(tries = 300)
    void arbitraryText_neverThrowsAnythingElse(@ForAll @StringLength(max = 200) String text) {
        try {
            ConfigLoader.parse("podbgp.yaml", text, Path.of("."));
        } catch (ConfigException e) {
            assertThat(e.errors()).isNotEmpty();
        }
    }
}
