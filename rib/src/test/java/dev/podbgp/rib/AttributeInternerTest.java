package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import org.junit.jupiter.api.Test;

class AttributeInternerTest {

    private final AttributeInterner interner = new AttributeInterner();

    @Test
    void equalSetsShareOneInstance() {
        PathAttributes a = path(64512, 64600).med(5).build();
        PathAttributes b = path(64512, 64600).med(5).build();
        assertThat(b).isNotSameAs(a).isEqualTo(a);
        PathAttributes first = interner.intern(a);
        PathAttributes other = interner.intern(path(1).build());
        assertThat(interner.intern(b)).isSameAs(first).isSameAs(a);
        assertThat(interner.intern(path(1).build())).isSameAs(other);
        assertThat(interner.size()).isEqualTo(2);
    }

    @Test
    void differentSetsStayDifferent() {
        PathAttributes a = interner.intern(path(64512).med(5).build());
        PathAttributes b = interner.intern(path(64512).med(6).build());
        assertThat(a).isNotEqualTo(b);
        assertThat(interner.size()).isEqualTo(2);
    }
}
