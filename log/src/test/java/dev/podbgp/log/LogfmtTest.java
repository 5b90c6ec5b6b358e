package dev.podbgp.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogfmtTest {

    private static String field(String value) {
        return Logfmt.append(new StringBuilder(), "k", value).toString();
    }

    @Test
    void onePlainWord_staysBare() {
        assertThat(field("Established")).isEqualTo("k=Established");
        assertThat(field("192.0.2.1")).isEqualTo("k=192.0.2.1");
        assertThat(field("10.240.2.0/24")).isEqualTo("k=10.240.2.0/24");
    }

    @Test
    void anythingElse_isQuoted() {
        assertThat(field("")).isEqualTo("k=\"\"");
        assertThat(field("two words")).isEqualTo("k=\"two words\"");
        assertThat(field("a=b")).isEqualTo("k=\"a=b\"");
        assertThat(field("tab\there")).isEqualTo("k=\"tab\\there\"");
        assertThat(field("del\u007f")).isEqualTo("k=\"del\u007f\"");
    }

    @Test
    void quotesBackslashesAndLineBreaks_areEscaped() {
        assertThat(field("x\"y\\z\n")).isEqualTo("k=\"x\\\"y\\\\z\\n\"");
        assertThat(field("said \"no\"\r\nthen \\ left")).isEqualTo("k=\"said \\\"no\\\"\\r\\nthen \\\\ left\"");
    }
}
