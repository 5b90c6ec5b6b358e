package dev.podbgp.daemon.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniConfigWriterTest {
    private static final CniConflist NODE1 = CniConflist.of(List.of(Prefix.parse("10.240.1.0/24")), 1500);
    private static final CniConflist NODE1_MTU_1400 = CniConflist.of(List.of(Prefix.parse("10.240.1.0/24")), 1400);

    @TempDir
    Path dir;

    @Test
    void firstWrite_createsTheFileWithMode0644_andNoTemporaryFileRemains() throws IOException {
        CniConfigWriter w = new CniConfigWriter(dir.resolve("net.d"));
        assertThat(w.write(NODE1)).isTrue();
        assertThat(w.file()).isEqualTo(dir.resolve("net.d/10-podbgp.conflist"));
        assertThat(Files.readAllBytes(w.file())).isEqualTo(NODE1.toBytes());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(w.file()))).isEqualTo("rw-r--r--");
        assertThat(names(dir.resolve("net.d"))).containsExactly("10-podbgp.conflist");
    }

    @Test
    void unchangedContent_isNotRewritten_sameInodeAndMtime() throws IOException {
        CniConfigWriter w = new CniConfigWriter(dir);
        w.write(NODE1);
        Object inode = Files.getAttribute(w.file(), "unix:ino");
        // an old mtime, so that any rewrite would be visible even within the clock's granularity
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(w.file(), old);

        assertThat(w.write(NODE1)).isFalse();
        assertThat(Files.getAttribute(w.file(), "unix:ino")).isEqualTo(inode);
        assertThat(Files.getLastModifiedTime(w.file())).isEqualTo(old);
    }

    @Test
    void changedContent_replacesTheFileByRename_newInode() throws IOException {
        CniConfigWriter w = new CniConfigWriter(dir);
        w.write(NODE1);
        Object inode = Files.getAttribute(w.file(), "unix:ino");

        assertThat(w.write(NODE1_MTU_1400)).isTrue();
        // a new inode: the new content arrived by rename, a reader never saw a partly written file
        assertThat(Files.getAttribute(w.file(), "unix:ino")).isNotEqualTo(inode);
        assertThat(Files.readAllBytes(w.file())).isEqualTo(NODE1_MTU_1400.toBytes());
        assertThat(names(dir)).containsExactly("10-podbgp.conflist");
    }

    @Test
    void remove_deletesOnlyOurFile() throws IOException {
        Files.writeString(dir.resolve("05-other.conflist"), "{}");
        CniConfigWriter w = new CniConfigWriter(dir);
        w.write(NODE1);

        assertThat(w.remove()).isTrue();
        assertThat(w.remove()).isFalse();
        assertThat(names(dir)).containsExactly("05-other.conflist");
    }

    @Test
    void fileNameMustBeAPlainConflistName() {
        assertThatThrownBy(() -> new CniConfigWriter(dir, "../x.conflist")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CniConfigWriter(dir, "10-podbgp.conf")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
