package dev.podbgp.rib;

import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Keeps only the latest state per prefix until drained: the FIB writer batches what piled up
 * while the kernel was busy, so a prefix that flapped ten times costs one netlink message
 * (DESIGN "Threads": only the latest state per prefix reaches the FIB writer). Prefixes come out
 * in the order they first changed since the last drain.
 *
 * <p>Not thread-safe, like the rest of the package: it belongs to the thread that drains it
 * (the FIB writer takes changes off its queue, offers them here, then drains one batch).
 */
public final class LocRibChangeCoalescer implements RibListener {

    private final LinkedHashMap<Prefix, LocRibChange> pending = new LinkedHashMap<>();

    @Override
    public void onLocRibChange(LocRibChange change) {
        // put() on an existing key keeps its position: first-change order, latest state.
        pending.put(change.prefix(), change);
    }

    public int pendingCount() {
        return pending.size();
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The latest change of every prefix that changed since the last drain; empties the coalescer. */
    public List<LocRibChange> drain() {
        List<LocRibChange> out = new ArrayList<>(pending.values());
        pending.clear();
        return out;
    }

    /** At most {@code max} of the pending changes, oldest first, for bounded netlink batches. */
    public List<LocRibChange> drain(int max) {
        List<LocRibChange> out = new ArrayList<>(Math.min(max, pending.size()));
        var it = pending.values().iterator();
        while (out.size() < max && it.hasNext()) {
            out.add(it.next());
            it.remove();
        }
        return out;
    }
}
