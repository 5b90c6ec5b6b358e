package dev.podbgp.k8s.mapping;

import dev.podbgp.config.LargeCommunitySpec;
import dev.podbgp.config.StandardCommunity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Path attributes written as text in CRD fields and annotations; a bad value is a {@link Problem}, not an error. */
final class AttributeText {
    private AttributeText() {
    }

    static Optional<StandardCommunity> community(Fields f, String field, String text) {
        return parsed(f, field, text, StandardCommunity::parse);
    }

    static Optional<LargeCommunitySpec> largeCommunity(Fields f, String field, String text) {
        return parsed(f, field, text, LargeCommunitySpec::parse);
    }

    /** {@code parse} of the trimmed text, or empty with its complaint as the field's problem. */
    private static <T> Optional<T> parsed(Fields f, String field, String text, Function<String, T> parse) {
        try {
            return Optional.of(parse.apply(text.trim()));
        } catch (IllegalArgumentException e) {
            f.problem(field, e.getMessage());
            return Optional.empty();
        }
    }

    /** RFC 4271 §4.3: LOCAL_PREF is four octets, unsigned. */
    static Optional<Long> localPreference(Fields f, String field, String text) {
        try {
            long v = Long.parseLong(text.trim());
            if (v >= 0 && v <= 0xFFFF_FFFFL) {
                return Optional.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        f.problem(field, "'" + text + "' is not a local preference in 0..4294967295");
        return Optional.empty();
    }

    /** A comma-separated list, each element parsed by {@code one}; the bad ones are reported and left out. */
    static <T> List<T> list(String text, Function<String, Optional<T>> one) {
        List<T> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                one.apply(part.trim()).ifPresent(out::add);
            }
        }
        return out;
    }
}
