package dev.podbgp.config;

/** AS_PATH length compared with a number, written {@code "<= 3"}, {@code "> 5"}, {@code "!= 0"} or just {@code 2} (equal). */
public record AsPathLengthSpec(Comparison comparison, int length) {

    public enum Comparison {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public static AsPathLengthSpec parse(String text) {
        String t = text.strip();
        Comparison op = Comparison.EQ;
        // Two-character operators first, so "<=" is not read as "<" followed by "=3".
        for (Comparison c : new Comparison[] {Comparison.LE, Comparison.GE, Comparison.NE, Comparison.EQ,
                Comparison.LT, Comparison.GT}) {
            if (t.startsWith(c.symbol)) {
                op = c;
                t = t.substring(c.symbol.length()).strip();
                break;
            }
        }
        if (!Numbers.isDigits(t) || Numbers.parse(t) > 1000) {
            throw new IllegalArgumentException("'" + text + "' is not an AS path length comparison (e.g. \"<= 3\")");
        }
        return new AsPathLengthSpec(op, (int) Numbers.parse(t));
    }

    @Override
    public String toString() {
        return comparison.symbol + " " + length;
    }
}
