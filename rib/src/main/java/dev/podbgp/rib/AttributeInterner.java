package dev.podbgp.rib;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import java.lang.ref.WeakReference;
import java.util.WeakHashMap;

/**
 * Hash-consing of attribute sets (DESIGN "Memory and speed"): equal {@link PathAttributes}
 * share one instance, so a million routes cost a few thousand attribute sets. Weakly held:
 * a set no route refers to any more is reclaimed by the GC, no reference counts to keep right.
 * Single-threaded like the rest of the RIB.
 */
public final class AttributeInterner {

    private final WeakHashMap<PathAttributes, WeakReference<PathAttributes>> sets = new WeakHashMap<>();

    // One UPDATE carries many prefixes with the same attributes: remembering the last input
    // skips hashing the attribute set again for every prefix of that UPDATE.
    private PathAttributes lastInput;
    private PathAttributes lastInterned;

    public PathAttributes intern(PathAttributes attributes) {
        if (attributes == lastInput || attributes == lastInterned) {
            return lastInterned;
        }
        WeakReference<PathAttributes> ref = sets.get(attributes);
        PathAttributes canonical = ref == null ? null : ref.get();
        if (canonical == null) {
            canonical = attributes;
            sets.put(canonical, new WeakReference<>(canonical));
        }
        lastInput = attributes;
        lastInterned = canonical;
        return canonical;
    }

    /** Distinct attribute sets still alive (for metrics and tests). */
    public int size() {
        return sets.size();
    }
}
