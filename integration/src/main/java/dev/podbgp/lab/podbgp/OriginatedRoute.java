package dev.podbgp.lab.podbgp;

import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.PathAttribute;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.List;

/** A route podbgp originates: the prefix and the optional attributes it carries. */
public record OriginatedRoute(Prefix prefix, Long med, int[] communities) {

    public static OriginatedRoute of(String prefix) {
        return new OriginatedRoute(Prefix.parse(prefix), null, new int[0]);
    }

    public OriginatedRoute med(long value) {
        return new OriginatedRoute(prefix, value, communities);
    }

    /** {@code "65000:1"} style communities. */
    public OriginatedRoute communities(String... values) {
        int[] c = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String[] halves = values[i].split(":");
            c[i] = Communities.community(Integer.parseInt(halves[0]), Integer.parseInt(halves[1]));
        }
        return new OriginatedRoute(prefix, med, c);
    }

    List<PathAttribute> optionalAttributes() {
        List<PathAttribute> out = new ArrayList<>();
        if (med != null) {
            out.add(new MultiExitDisc(med));
        }
        if (communities.length > 0) {
            out.add(new Communities(communities));
        }
        return out;
    }
}
