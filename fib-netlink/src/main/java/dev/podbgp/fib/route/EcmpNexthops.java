package dev.podbgp.fib.route;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns equal-cost next hops into nexthop objects: one object per distinct gateway, one group per
 * distinct set of gateways, shared by every route with that set and reference-counted. Where the
 * kernel has no nexthop objects (before 5.3) the multipath is written inline as RTA_MULTIPATH.
 * A nexthop object must name its interface; a set with a member that leaves the interface to
 * the kernel (ifindex 0, a gateway the kernel resolves) cannot be expressed as objects, so that
 * route is written inline too, where the kernel finds each member's interface itself.
 * Used from the writing thread only.
 */
public final class EcmpNexthops {

    private final RouteWriter writer;
    private final boolean objects;
    private final Map<NextHop.Gateway, Integer> members = new HashMap<>();
    private final Map<List<NextHop.Gateway>, Group> groups = new HashMap<>();
    private final Map<Integer, Group> groupsById = new HashMap<>();
    private int nextId;

    private static final class Group {
        final int id;
        int references;

        Group(int id) {
            this.id = id;
        }
    }

    /**
     * @param firstId the first id we hand out; ids are per namespace, so pick a range no other
     *     daemon in it uses
     * @param useObjects false forces the RTA_MULTIPATH fallback
     */
    public EcmpNexthops(RouteWriter writer, int firstId, boolean useObjects) {
        this.writer = writer;
        this.nextId = firstId;
        this.objects = useObjects;
    }

    /** Probes the kernel: nexthop objects where it has them, RTA_MULTIPATH where not. */
    public static EcmpNexthops probe(RouteWriter writer, int firstId) throws IOException {
        return new EcmpNexthops(writer, firstId, writer.nexthopObjectsSupported());
    }

    public boolean usesObjects() {
        return objects;
    }

    /**
     * The next hop to write for a route: a multipath becomes the id of its group (the member and
     * group requests are queued ahead of the route in the same batch); anything else is itself.
     * Each call for a multipath takes a reference; give it back with {@link #release}.
     */
    public NextHop resolve(NextHop nextHop, long tag) throws IOException {
        if (!(nextHop instanceof NextHop.Multipath m) || !objects || !expressible(m)) {
            return nextHop;
        }
        Group group = groups.get(m.paths());
        if (group == null) {
            int[] ids = new int[m.paths().size()];
            for (int i = 0; i < ids.length; i++) {
                NextHop.Gateway g = m.paths().get(i);
                Integer id = members.get(g);
                if (id == null) {
                    id = nextId++;
                    writer.replaceNexthop(id, g, tag);
                    members.put(g, id);
                }
                ids[i] = id;
            }
            group = new Group(nextId++);
            writer.replaceGroup(group.id, ids, tag);
            groups.put(m.paths(), group);
            groupsById.put(group.id, group);
        }
        group.references++;
        return new NextHop.Object(group.id);
    }

    /** Whether every member names its interface, as a nexthop object must (the kernel answers EINVAL otherwise). */
    static boolean expressible(NextHop.Multipath m) {
        for (NextHop.Gateway g : m.paths()) {
            if (g.ifindex() == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Gives back the reference a route held on what {@code written} resolved to; the last one
     * deletes the group. Call after the route's replacement or deletion was queued, so the kernel
     * sees the route leave the group before the group goes.
     */
    public void release(NextHop written, long tag) throws IOException {
        if (!(written instanceof NextHop.Object o)) {
            return;
        }
        Group group = groupsById.get(o.id());
        if (group == null || --group.references > 0) {
            return;
        }
        groupsById.remove(group.id);
        groups.values().remove(group);
        writer.deleteNexthop(group.id, tag);
    }

    /** Groups currently in use (for tests and metrics). */
    public int groupCount() {
        return groups.size();
    }

    /** Deletes every group and member object we created (at shutdown, after our routes went). */
    public void deleteAll(long tag) throws IOException {
        for (Group group : groups.values()) {
            writer.deleteNexthop(group.id, tag);
        }
        for (int id : members.values()) {
            writer.deleteNexthop(id, tag);
        }
        groups.clear();
        groupsById.clear();
        members.clear();
    }
}
