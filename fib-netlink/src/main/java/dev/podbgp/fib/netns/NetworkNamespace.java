package dev.podbgp.fib.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;

/**
 * A network namespace bound at a path ({@code ip netns add NAME} mounts one at
 * {@code /run/netns/NAME}); the one place podbgp calls {@code setns(2)}. Sockets a thread
 * creates belong to the namespace it is in, so there are three ways in: {@link #call} runs work
 * on a fresh platform thread that joined it and ends afterwards, so no pooled thread is ever
 * left in a foreign namespace; {@link #threadFactory} makes dedicated threads (a speaker's event
 * loops) that live there; {@link #join} moves the caller's own platform thread. Never a virtual
 * thread: it may move between carriers, and the namespace belongs to the carrier.
 */
public record NetworkNamespace(Path path) {

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout ERRNO = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_VALUE = ERRNO.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().find("open").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
            Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SETNS = LINKER.downcallHandle(LINKER.defaultLookup().find("setns").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            Linker.Option.captureCallState("errno"));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    /** {@code /run/netns/NAME}. */
    public static NetworkNamespace named(String name) {
        return new NetworkNamespace(Path.of("/run/netns", name));
    }

    /** Work that may throw an IOException, run inside the namespace. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} on a new platform thread that first moved into this namespace. */
    public <T> T call(Work<T> work) throws IOException {
        FutureTask<T> task = new FutureTask<>(() -> {
            join();
            return work.run();
        });
        Thread thread = Thread.ofPlatform().name("netns-" + path.getFileName()).daemon().start(task);
        try {
            T result = task.get();
            thread.join();
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening in " + path, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * Threads made by {@code base} that join this namespace before they run their task, so every
     * socket they create is inside it. A thread that cannot join dies with an
     * {@link UncheckedIOException} before running anything.
     *
     * @param base makes platform threads (naming, daemon flag, thread-local flavour are its choice)
     * @throws IllegalArgumentException from {@code newThread} when {@code base} made a virtual thread
     */
    public ThreadFactory threadFactory(ThreadFactory base) {
        return task -> {
            Thread thread = base.newThread(() -> {
                try {
                    join();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                task.run();
            });
            if (thread.isVirtual()) {
                throw new IllegalArgumentException("setns on a virtual thread would move its carrier, not the thread");
            }
            return thread;
        };
    }

    /** Moves the current platform thread into this namespace, for good. */
    public void join() throws IOException {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("setns on a virtual thread would move its carrier, not the thread");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(ERRNO);
            int fd = (int) OPEN.invokeExact(errno, arena.allocateFrom(path.toString()), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                throw new IOException("open " + path + " failed: errno " + (int) ERRNO_VALUE.get(errno, 0L));
            }
            try {
                int rc = (int) SETNS.invokeExact(errno, fd, CLONE_NEWNET);
                if (rc != 0) {
                    throw new IOException("setns " + path + " failed: errno " + (int) ERRNO_VALUE.get(errno, 0L));
                }
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
