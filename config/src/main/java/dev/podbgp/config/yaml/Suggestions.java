package dev.podbgp.config.yaml;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known key an unknown one was probably meant to be, by edit distance. */
final class Suggestions {
    private Suggestions() {
    }

    static Optional<String> closest(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = k.equalsIgnoreCase(unknown) ? 0 : distance(unknown.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        // A third of the word (at least two edits) catches typos and snake_case/kebab-case spellings
        // of camelCase keys without proposing unrelated keys for short words.
        int allowed = Math.max(2, unknown.length() / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance, ignoring '-' and '_' so {@code router-id} is one step from {@code routerId}. */
    static int distance(String a, String b) {
        a = a.replace("-", "").replace("_", "");
        b = b.replace("-", "").replace("_", "");
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
