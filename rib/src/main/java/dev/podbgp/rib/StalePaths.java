package dev.podbgp.rib;

import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv4PrefixMap;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes of one peer and one family still marked stale after its session went down (RFC 4724 §4.2,
 * RFC 9494 §4), or since its BoRR (RFC 7313 §4). Kept beside the routes, not in them: a million-route table pays nothing while no peer restarts,
 * and a restarting one a map slot per prefix. Without ADD-PATH every mark is path id 0 and shares one array.
 */
final class StalePaths {

    private static final int[] PATH_ZERO = {0};

    private final Ipv4PrefixMap<int[]> ipv4 = new Ipv4PrefixMap<>();
    private final Ipv6PrefixMap<int[]> ipv6 = new Ipv6PrefixMap<>();
    private int size;
    /** In the long-lived phase (RFC 9494 §4.2): the routes carry LLGR_STALE. */
    boolean longLived;

    int size() {
        return size;
    }

    void mark(Prefix prefix, int pathId) {
        int[] old = load(prefix);
        if (old == null) {
            store(prefix, pathId == 0 ? PATH_ZERO : new int[] {pathId});
            size++;
            return;
        }
        for (int id : old) {
            if (id == pathId) {
                return;
            }
        }
        int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
        grown[old.length] = pathId;
        store(prefix, grown);
        size++;
    }

    boolean isMarked(Prefix prefix, int pathId) {
        int[] ids = load(prefix);
        if (ids != null) {
            for (int id : ids) {
                if (id == pathId) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Clears the mark; true when there was one. */
    boolean unmark(Prefix prefix, int pathId) {
        int[] ids = load(prefix);
        if (ids == null) {
            return false;
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == pathId) {
                if (ids.length == 1) {
                    store(prefix, null);
                } else {
                    int[] left = new int[ids.length - 1];
                    System.arraycopy(ids, 0, left, 0, i);
                    System.arraycopy(ids, i + 1, left, i, ids.length - i - 1);
                    store(prefix, left);
                }
                size--;
                return true;
            }
        }
        return false;
    }

    /** A copy of the marks, so the caller can change the RIB (and these marks) while going through them. */
    List<Mark> snapshot() {
        List<Mark> out = new ArrayList<>(size);
        ipv4.forEach((key, ids) -> {
            Prefix p = Ipv4Prefix.fromLong(key);
            for (int id : ids) {
                out.add(new Mark(p, id));
            }
        });
        ipv6.forEach((p, ids) -> {
            for (int id : ids) {
                out.add(new Mark(p, id));
            }
        });
        return out;
    }

    record Mark(Prefix prefix, int pathId) {
    }

    private int[] load(Prefix prefix) {
        return switch (prefix) {
            case Ipv4Prefix p -> ipv4.get(p.toLong());
            case Ipv6Prefix p -> ipv6.get(p);
        };
    }

    private void store(Prefix prefix, int[] ids) {
        switch (prefix) {
            case Ipv4Prefix p -> {
                if (ids == null) {
                    ipv4.remove(p.toLong());
                } else {
                    ipv4.put(p.toLong(), ids);
                }
            }
            case Ipv6Prefix p -> {
                if (ids == null) {
                    ipv6.remove(p);
                } else {
                    ipv6.put(p, ids);
                }
            }
        }
    }
}
