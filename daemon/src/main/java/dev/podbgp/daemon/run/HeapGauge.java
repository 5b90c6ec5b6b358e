package dev.podbgp.daemon.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** What {@link HeapTrim} reads of the Java heap: any thread, no waiting. */
interface HeapGauge {

    /** Bytes the heap holds from the operating system now. */
    long committed();

    /** Bytes in use, live or garbage; right after a full collection, the live heap. */
    long used();

    /** The JVM's own heap. */
    static HeapGauge jvm() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return new HeapGauge() {
            @Override
            public long committed() {
                return memory.getHeapMemoryUsage().getCommitted();
            }

            @Override
            public long used() {
                return memory.getHeapMemoryUsage().getUsed();
            }
        };
    }
}
