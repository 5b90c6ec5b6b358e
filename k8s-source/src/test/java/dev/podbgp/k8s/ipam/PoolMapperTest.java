package dev.podbgp.k8s.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.k8s.crd.ServiceIPPool;
import dev.podbgp.k8s.crd.ServiceIPPoolSpec;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolMapperTest {
    private static ServiceIPPool pool(ServiceIPPoolSpec spec) {
        ServiceIPPool p = new ServiceIPPool();
        p.setMetadata(new ObjectMetaBuilder().withName("public").build());
        p.setSpec(spec);
        return p;
    }

    private static ServiceRequest request(Map<String, String> labels, Map<String, String> namespaceLabels) {
        return new ServiceRequest("ns/s", labels, namespaceLabels, List.of(AddressFamily.IPV4), true,
                List.of(), Optional.empty());
    }

    @Test
    void aBadEntryIsLeftOutAndNamedTheRestStays() {
        ServiceIPPoolSpec spec = new ServiceIPPoolSpec();
        spec.cidrs = List.of("192.0.2.0/30", "192.0.2.1/30", "198.51.100.7");
        spec.ranges = List.of("203.0.113.9-203.0.113.1", "203.0.113.1-203.0.113.2");
        PoolMapper.Mapped m = PoolMapper.map(pool(spec));
        assertThat(m.pool().ranges()).extracting(Object::toString)
                .containsExactly("192.0.2.0-192.0.2.3", "203.0.113.1-203.0.113.2");
        assertThat(m.problems()).hasSize(3);
        assertThat(m.problems().get(0)).startsWith("spec.cidrs: '192.0.2.1/30'");
        assertThat(m.problems().get(1)).isEqualTo("spec.cidrs: '198.51.100.7' is not a prefix (address/length)");
        assertThat(m.problems().get(2)).contains("ends before it starts");
    }

    @Test
    void anEmptyPoolIsAProblem() {
        assertThat(PoolMapper.map(pool(new ServiceIPPoolSpec())).problems())
                .containsExactly("spec: neither cidrs nor ranges name an address");
    }

    @Test
    void selectorsMatchLikeTheApiServerAndAnUnknownOperatorSelectsNothing() {
        ServiceIPPoolSpec spec = new ServiceIPPoolSpec();
        spec.cidrs = List.of("192.0.2.0/30");
        spec.serviceSelector = new LabelSelectorBuilder().withMatchLabels(Map.of("exposure", "public"))
                .addNewMatchExpression().withKey("tier").withOperator("NotIn").withValues("db").endMatchExpression().build();
        spec.namespaceSelector = new LabelSelectorBuilder().addNewMatchExpression().withKey("env").withOperator("Exists")
                .endMatchExpression().build();
        AddressPool p = PoolMapper.map(pool(spec)).pool();
        assertThat(p.selects(request(Map.of("exposure", "public"), Map.of("env", "prod")))).isTrue();
        assertThat(p.selects(request(Map.of("exposure", "public", "tier", "db"), Map.of("env", "prod")))).isFalse();
        assertThat(p.selects(request(Map.of("exposure", "public"), Map.of()))).isFalse();

        spec.serviceSelector = new LabelSelectorBuilder().addNewMatchExpression().withKey("tier").withOperator("Matches")
                .withValues("web").endMatchExpression().build();
        PoolMapper.Mapped broken = PoolMapper.map(pool(spec));
        assertThat(broken.problems()).singleElement().asString().contains("selects nothing");
        assertThat(broken.pool().selects(request(Map.of("tier", "web"), Map.of("env", "prod")))).isFalse();
    }
}
