package dev.podbgp.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final Set<String> PEER = Keys.PEER;

    @Test
    void typosCaseAndSeparators_findTheKey() {
        assertThat(Suggestions.closest("adress", PEER)).contains("address");
        assertThat(Suggestions.closest("ASN", PEER)).contains("asn");
        assertThat(Suggestions.closest("local_address", PEER)).contains("localAddress");
        assertThat(Suggestions.closest("import-policy", PEER)).contains("importPolicy");
        assertThat(Suggestions.closest("routeReflectorClients", PEER)).contains("routeReflectorClient");
    }

    @Test
    void unrelatedWords_suggestNothing() {
        assertThat(Suggestions.closest("color", PEER)).isEmpty();
        assertThat(Suggestions.closest("zzzzzzzzzz", PEER)).isEmpty();
    }
}
