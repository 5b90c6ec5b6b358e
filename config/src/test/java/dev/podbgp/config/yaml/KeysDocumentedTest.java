package dev.podbgp.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A key the reader accepts but docs/config.md does not describe fails here, so the reference cannot fall behind. */
class KeysDocumentedTest {

    @Test
    void everyAcceptedKeyIsInTheReference() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "config.md"));
        int sections = 0;
        for (Field f : Keys.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Set.class) {
                sections++;
                for (Object key : (Set<?>) f.get(null)) {
                    assertThat(docs).as("docs/config.md documents `%s` (%s)", key, f.getName()).contains("`" + key + "`");
                }
            }
        }
        assertThat(sections).isEqualTo(26);
    }
}
