package dev.podbgp.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondDaemonForTheSameSocketIsRefusedNamingTheFirstAndGetsInOnceItIsGone() throws IOException {
        Path socket = dir.resolve("run/podbgp.sock");
        InstanceLock first = InstanceLock.acquire(socket);
        assertThat(first.file()).isEqualTo(dir.resolve("run/podbgp.sock.lock"));
        assertThat(Files.readString(first.file()).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));

        assertThatThrownBy(() -> InstanceLock.acquire(socket))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("another podbgp daemon (pid " + ProcessHandle.current().pid() + ")")
                .hasMessageContaining(first.file().toString());
        // Another node's daemon (another socket) is not in the way.
        try (InstanceLock other = InstanceLock.acquire(dir.resolve("run/other.sock"))) {
            assertThat(other.file()).exists();
        }

        first.close();
        try (InstanceLock again = InstanceLock.acquire(socket)) {
            assertThat(again.file()).isEqualTo(first.file());
        }
    }
}
