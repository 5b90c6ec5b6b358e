package dev.podbgp.daemon.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One podbgp per node: an exclusive lock on {@code SOCKET.lock} beside the control socket,
 * taken before the daemon touches anything (CNI files, kernel routes, ports). A second daemon
 * for the same node stops there, naming the first one's pid, instead of reconciling away the
 * routes the first one installed. The kernel drops the lock when the process ends, however it
 * ends, so a crash leaves nothing to clean up.
 */
final class InstanceLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock for the daemon whose control socket is {@code controlSocket}; fails if another daemon holds it. */
    static InstanceLock acquire(Path controlSocket) throws IOException {
        Path file = controlSocket.resolveSibling(controlSocket.getFileName() + ".lock");
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by another daemon in this JVM (lab nodes share one).
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new IOException("another podbgp daemon (" + holder + ") runs for this node: " + file
                    + " is locked. This one stops before touching the node's routes");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new InstanceLock(file, channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            channel.read(b, 0);
            String pid = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "pid unknown" : "pid " + pid;
        } catch (IOException e) {
            return "pid unreadable: " + e.getMessage();
        }
    }

    Path file() {
        return file;
    }

    /** Releases the lock; the file stays, for the next daemon to lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
