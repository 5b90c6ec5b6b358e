package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.exabgp.CommandLexer.Token;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AsPathSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code as-path ASN}, {@code as-path [ ASN ASN ... ]}, with AS_SETs written as a nested
 * {@code ( ... )} or {@code [ ... ]} inside the list and commas allowed as separators.
 *
 * <p>ExaBGP collects every set member into one AS_SET written after the whole AS_SEQUENCE,
 * wherever the set stood; podbgp keeps segments where the operator put them (see
 * docs/exabgp-compat.md). With the set last, the usual aggregate shape, both send the same bytes.
 * ExaBGP's {@code { }} set form is not usable on its API (braces end its statements).
 */
final class AsPathParser {
    private AsPathParser() {}

    static AsPath parse(Cursor in) {
        Token first = in.next("as-path needs an AS number or a list [ ASN ... ]");
        if (!first.text().equals("[")) {
            return AsPath.ofSequence(Numbers.asn(first.text(), first, "as-path AS number"));
        }
        List<AsPathSegment> segments = new ArrayList<>();
        List<Long> run = new ArrayList<>();
        while (true) {
            Token t = in.next("']' closing the as-path opened at column " + (first.column() + 1));
            switch (t.text()) {
                case "]" -> {
                    flush(segments, AsPathSegment.Type.AS_SEQUENCE, run);
                    return new AsPath(segments);
                }
                case "," -> { }
                case "(", "[" -> {
                    flush(segments, AsPathSegment.Type.AS_SEQUENCE, run);
                    String close = t.text().equals("(") ? ")" : "]";
                    while (true) {
                        Token m = in.next("'" + close + "' closing the AS_SET opened at column " + (t.column() + 1));
                        if (m.text().equals(close)) {
                            break;
                        }
                        if (m.text().equals(")") || m.text().equals("]")) {
                            throw Cursor.fail(m, "the AS_SET opened with '" + t.text() + "' at column "
                                    + (t.column() + 1) + " closes with '" + close + "'");
                        }
                        if (!m.text().equals(",")) {
                            run.add(Numbers.asn(m.text(), m, "as-path AS_SET member"));
                        }
                    }
                    flush(segments, AsPathSegment.Type.AS_SET, run);
                }
                default -> run.add(Numbers.asn(t.text(), t, "as-path AS number"));
            }
        }
    }

    /** RFC 4271 §4.3: a segment holds at most 255 ASes, so longer runs become several segments. */
    private static void flush(List<AsPathSegment> out, AsPathSegment.Type type, List<Long> run) {
        for (int start = 0; start < run.size(); start += AsPathSegment.MAX_ASNS) {
            int n = Math.min(AsPathSegment.MAX_ASNS, run.size() - start);
            int[] asns = new int[n];
            for (int i = 0; i < n; i++) {
                asns[i] = (int) (long) run.get(start + i);
            }
            out.add(new AsPathSegment(type, asns));
        }
        run.clear();
    }
}
