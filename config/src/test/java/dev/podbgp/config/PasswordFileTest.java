package dev.podbgp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** passwordFile: read relative to the config, newline dropped, warned about when every user can read it. */
class PasswordFileTest {
    @TempDir
    Path dir;

    private static final String PEER = Configs.NODE + """
            peers:
              - address: 192.0.2.1
                asn: 65100
                passwordFile: tor1.key
            """;

    private Path writeKey(String content, String perms) throws IOException {
        Path key = dir.resolve("tor1.key");
        Files.writeString(key, content);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(perms));
        return key;
    }

    @Test
    void privateFile_isReadWithoutItsNewline_andNoWarning() throws Exception {
        writeKey("s3cret\n", "rw-------");
        Path config = dir.resolve("podbgp.yaml");
        Files.writeString(config, PEER);
        LoadedConfig loaded = ConfigLoader.load(config);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.state().peers().getFirst().password()).contains(new Secret("s3cret"));
    }

    @Test
    void worldReadableFile_isAWarning_notAnError() throws Exception {
        Path key = writeKey("s3cret", "rw-r--r--");
        LoadedConfig loaded = ConfigLoader.parse("podbgp.yaml", PEER, dir);
        assertThat(loaded.warnings()).extracting(ConfigError::toString).containsExactly(
                "podbgp.yaml:7:19: warning: peers[0].passwordFile: " + key + " is readable by every user;"
                        + " chmod o-r it (a TCP MD5 key is a secret)");
        assertThat(loaded.state().peers().getFirst().password()).contains(new Secret("s3cret"));
    }

    @Test
    void missingFile_isAnError() {
        List<String> problems = Configs.problems(PEER, dir);
        assertThat(problems).containsExactly("podbgp.yaml:7:19: peers[0].passwordFile: cannot read " + dir.resolve("tor1.key")
                + ": NoSuchFileException " + dir.resolve("tor1.key"));
    }

    @Test
    void emptyFile_isAnError() throws Exception {
        Path key = writeKey("\n", "rw-------");
        assertThat(Configs.problems(PEER, dir)).containsExactly(
                "podbgp.yaml:7:19: peers[0].passwordFile: " + key + ": a password has 1 to 80 characters");
    }

    @Test
    void warningsComeWithErrors_whenTheConfigIsRefused() throws Exception {
        writeKey("s3cret", "rw-r--r--");
        assertThat(Configs.problems(PEER.replace("asn: 65100", "asn: 0"), dir)).hasSize(2)
                .anyMatch(p -> p.contains("warning: peers[0].passwordFile"))
                .anyMatch(p -> p.contains("peers[0].asn: 0 is not a valid AS number"));
    }
}
