package dev.podbgp.daemon.cni;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps podbgp's one file in the CNI conf dir ({@code /etc/cni/net.d/10-podbgp.conflist} by
 * default) equal to the conflist it is given.
 *
 * <p>Container runtimes watch that directory and may read a file at any moment, so a reader
 * must only ever see the old or the new content, never a half-written file: the content goes to
 * a temporary file in the same directory (same file system, so the rename is atomic), is
 * fsynced, gets mode 0644 (runtimes run as root, but operators read it), and is renamed over the
 * old file; then the directory is fsynced so the rename survives a crash. The temporary name
 * starts with '.' and ends in {@code .tmp}, extensions runtimes do not load. An unchanged
 * content is not rewritten: the file's inode and mtime stay, and watchers see no event.
 */
public final class CniConfigWriter {
    public static final Path DEFAULT_CONF_DIR = Path.of("/etc/cni/net.d");
    // lexically early: runtimes that load only the first file of the directory pick ours
    public static final String DEFAULT_FILE_NAME = "10-podbgp.conflist";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_.-]+\\.conflist");
    private static final Set<PosixFilePermission> MODE_0644 = PosixFilePermissions.fromString("rw-r--r--");

    private final Path dir;
    private final Path file;

    public CniConfigWriter(Path confDir, String fileName) {
        if (!FILE_NAME.matcher(fileName).matches() || fileName.startsWith(".")) {
            throw new IllegalArgumentException("conflist file name must be a plain NAME.conflist: " + fileName);
        }
        this.dir = confDir;
        this.file = confDir.resolve(fileName);
    }

    public CniConfigWriter(Path confDir) {
        this(confDir, DEFAULT_FILE_NAME);
    }

    /** The file this writer owns. */
    public Path file() {
        return file;
    }

    /** Writes {@code conflist} unless the file already holds exactly those bytes; true if it wrote. */
    public boolean write(CniConflist conflist) throws IOException {
        return write(conflist.toBytes());
    }

    /** Writes {@code content} unless the file already holds exactly those bytes; true if it wrote. */
    public boolean write(byte[] content) throws IOException {
        if (Arrays.equals(current(), content)) {
            return false;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            // createTempFile makes 0600; set the final mode before the file becomes visible
            Files.setPosixFilePermissions(tmp, MODE_0644);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename atomically into " + dir + "; refusing a non-atomic write", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory();
        return true;
    }

    /** Removes the file if it is there (cleanup); true if it removed one. Leaves every other file alone. */
    public boolean remove() throws IOException {
        boolean removed = Files.deleteIfExists(file);
        if (removed) {
            syncDirectory();
        }
        return removed;
    }

    /** The file's current bytes, or null when it does not exist. */
    public byte[] current() throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void syncDirectory() throws IOException {
        // Linux allows fsync on a directory opened read-only; it persists the rename/unlink.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
