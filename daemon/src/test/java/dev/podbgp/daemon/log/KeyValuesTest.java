package dev.podbgp.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.daemon.log.KeyValues.Pair;
import org.junit.jupiter.api.Test;

class KeyValuesTest {

    @Test
    void bareAndQuotedValues_inOrder() {
        assertThat(KeyValues.parse("peer=192.0.2.1 event=state from=Idle to=Connect")).containsExactly(
                new Pair("peer", "192.0.2.1"), new Pair("event", "state"), new Pair("from", "Idle"), new Pair("to", "Connect"));
        assertThat(KeyValues.parse("event=socket-error error=\"Connection reset by peer\" retry=3")).containsExactly(
                new Pair("event", "socket-error"), new Pair("error", "Connection reset by peer"), new Pair("retry", "3"));
    }

    @Test
    void escapesInsideQuotes() {
        assertThat(KeyValues.parse("reason=\"said \\\"no\\\" twice\\nthen \\\\ left\""))
                .containsExactly(new Pair("reason", "said \"no\" twice\nthen \\ left"));
    }

    /** bgp-core quotes exception messages without escaping them; a quote inside must not end the value. */
    @Test
    void unescapedQuoteInsideAValue_isKept() {
        assertThat(KeyValues.parse("error=\"bad \"thing\" here\" next=1"))
                .containsExactly(new Pair("error", "bad \"thing\" here"), new Pair("next", "1"));
    }

    @Test
    void wordsThatAreNotKeyValue_becomeMsg() {
        assertThat(KeyValues.parse("listening on port 179 event=started"))
                .containsExactly(new Pair("event", "started"), new Pair("msg", "listening on port 179"));
        assertThat(KeyValues.parse("")).isEmpty();
        assertThat(KeyValues.parse("empty= unterminated=\"abc")).containsExactly(new Pair("empty", ""), new Pair("unterminated", "abc"));
    }

    @Test
    void quoteIfNeeded_onlyWhenTheValueIsNotOnePlainWord() {
        assertThat(KeyValues.quoteIfNeeded("Established")).isEqualTo("Established");
        assertThat(KeyValues.quoteIfNeeded("")).isEqualTo("\"\"");
        assertThat(KeyValues.quoteIfNeeded("two words")).isEqualTo("\"two words\"");
        assertThat(KeyValues.quoteIfNeeded("a=b")).isEqualTo("\"a=b\"");
        assertThat(KeyValues.quoteIfNeeded("x\"y\\z\n")).isEqualTo("\"x\\\"y\\\\z\\n\"");
    }
}
