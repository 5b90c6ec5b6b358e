package dev.podbgp.k8s.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.k8s.MockCluster;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The mock API server does not validate against schemas, so the generated schemas are checked
 * here: they must be what makes {@code kubectl apply} refuse a bad object.
 */
class GeneratedCrdSchemaTest {

    private static JSONSchemaProps spec(String file) {
        CustomResourceDefinition crd = MockCluster.crd(file);
        assertThat(crd.getSpec().getGroup()).isEqualTo("podbgp.dev");
        assertThat(crd.getSpec().getScope()).isEqualTo("Cluster");
        assertThat(crd.getSpec().getVersions()).singleElement().satisfies(v -> assertThat(v.getName()).isEqualTo("v1alpha1"));
        return crd.getSpec().getVersions().getFirst().getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    }

    @Test
    void bgpPeerRequiresAddressAndAsnAndBoundsEveryNumber() {
        JSONSchemaProps s = spec("bgppeers.podbgp.dev-v1.yml");
        assertThat(s.getRequired()).containsExactlyInAnyOrder("peerAddress", "peerASN");
        Pattern address = Pattern.compile(s.getProperties().get("peerAddress").getPattern());
        assertThat(address.matcher("192.0.2.1").find()).isTrue();
        assertThat(address.matcher("2001:db8::1").find()).isTrue();
        assertThat(address.matcher("tor-a.example").find()).isFalse();
        assertThat(address.matcher("192.0.2").find()).isFalse();
        JSONSchemaProps asn = s.getProperties().get("peerASN");
        assertThat(asn.getMinimum()).isEqualTo(1.0);
        assertThat(asn.getMaximum()).isEqualTo(4294967295.0);
        // RFC 5082: at most 254 hops; RFC 4271 §4.2: hold time fits 16 bits.
        assertThat(s.getProperties().get("gtsmHops").getMaximum()).isEqualTo(254.0);
        assertThat(s.getProperties().get("holdTimeSeconds").getMaximum()).isEqualTo(65535.0);
        Pattern family = Pattern.compile(s.getProperties().get("families").getItems().getSchema().getPattern());
        assertThat(family.matcher("ipv6 unicast").find()).isTrue();
        assertThat(family.matcher("ipv4 flowspec").find()).isFalse();
        JSONSchemaProps ref = s.getProperties().get("passwordSecretRef");
        assertThat(ref.getRequired()).containsExactlyInAnyOrder("name", "key");
        assertThat(s.getProperties().get("maxPrefix").getRequired()).containsExactly("limit");
    }

    @Test
    void bgpConfigurationBoundsGracefulRestartToItsWireWidths() {
        JSONSchemaProps s = spec("bgpconfigurations.podbgp.dev-v1.yml");
        JSONSchemaProps gr = s.getProperties().get("gracefulRestart");
        // RFC 4724 §3: 12-bit restart time; RFC 9494 §2: 24-bit stale time.
        assertThat(gr.getProperties().get("restartTimeSeconds").getMaximum()).isEqualTo(4095.0);
        assertThat(gr.getProperties().get("llgrStaleTimeSeconds").getMaximum()).isEqualTo(16777215.0);
        Pattern cidr = Pattern.compile(s.getProperties().get("clusterPodCIDRs").getItems().getSchema().getPattern());
        assertThat(cidr.matcher("10.244.0.0/16").find()).isTrue();
        assertThat(cidr.matcher("fd00:10:244::/56").find()).isTrue();
        assertThat(cidr.matcher("10.244.0.0").find()).isFalse();
        Pattern community = Pattern.compile(s.getProperties().get("communities").getItems().getSchema().getPattern());
        assertThat(community.matcher("65000:100").find()).isTrue();
        assertThat(community.matcher("no-export").find()).isFalse();
    }

    @Test
    void bgpConfigurationServicesBoundLocalPreferenceAndCheckCommunityShapes() {
        JSONSchemaProps s = spec("bgpconfigurations.podbgp.dev-v1.yml").getProperties().get("services");
        // RFC 4271 §4.3: LOCAL_PREF is four octets.
        assertThat(s.getProperties().get("localPreference").getMaximum()).isEqualTo(4294967295.0);
        assertThat(s.getProperties().get("localPreference").getMinimum()).isEqualTo(0.0);
        Pattern large = Pattern.compile(s.getProperties().get("largeCommunities").getItems().getSchema().getPattern());
        assertThat(large.matcher("4200000000:1:2").find()).isTrue();
        assertThat(large.matcher("65000:1").find()).isFalse();
        Pattern cidr = Pattern.compile(s.getProperties().get("serviceCIDRs").getItems().getSchema().getPattern());
        assertThat(cidr.matcher("10.96.0.0/12").find()).isTrue();
        assertThat(s.getProperties().get("selector").getProperties()).containsKeys("matchLabels", "matchExpressions");
    }

    /** deploy/crds holds copies for kubectl; they must be what this build generates. */
    @Test
    void deployedCrdsAreTheGeneratedOnes() throws Exception {
        for (String f : MockCluster.CRD_FILES) {
            String generated;
            try (var in = GeneratedCrdSchemaTest.class.getResourceAsStream("/META-INF/fabric8/" + f)) {
                generated = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            java.nio.file.Path copy = java.nio.file.Path.of("..", "deploy", "crds", f.replace("-v1.yml", ".yaml"));
            assertThat(java.nio.file.Files.readString(copy))
                    .as("%s is stale: copy target/classes/META-INF/fabric8/%s over it", copy, f).isEqualTo(generated);
        }
    }

    @Test
    void serviceIpPoolTakesPrefixesAndRangesOfBothFamiliesAndHasAStatus() {
        JSONSchemaProps s = spec("serviceippools.podbgp.dev-v1.yml");
        Pattern cidr = Pattern.compile(s.getProperties().get("cidrs").getItems().getSchema().getPattern());
        assertThat(cidr.matcher("192.0.2.0/28").find()).isTrue();
        assertThat(cidr.matcher("2001:db8:1b::/120").find()).isTrue();
        assertThat(cidr.matcher("192.0.2.0-192.0.2.9").find()).isFalse();
        Pattern range = Pattern.compile(s.getProperties().get("ranges").getItems().getSchema().getPattern());
        assertThat(range.matcher("192.0.2.10-192.0.2.20").find()).isTrue();
        assertThat(range.matcher("2001:db8::10 - 2001:db8::20").find()).isTrue();
        assertThat(range.matcher("192.0.2.10").find()).isFalse();
        assertThat(range.matcher("192.0.2.10-2001:db8::1").find()).isFalse();
        assertThat(s.getProperties().get("serviceSelector").getProperties()).containsKeys("matchLabels", "matchExpressions");
        assertThat(s.getProperties().get("namespaceSelector").getProperties()).containsKeys("matchLabels", "matchExpressions");
        CustomResourceDefinition crd = MockCluster.crd("serviceippools.podbgp.dev-v1.yml");
        assertThat(crd.getSpec().getVersions().getFirst().getSubresources().getStatus()).isNotNull();
        Pattern lbClass = Pattern.compile(spec("bgpconfigurations.podbgp.dev-v1.yml").getProperties()
                .get("loadBalancerAllocation").getProperties().get("loadBalancerClass").getPattern());
        assertThat(lbClass.matcher("podbgp.dev/bgp").find()).isTrue();
        assertThat(lbClass.matcher("bgp").find()).as("the API server wants a domain prefix").isFalse();
    }

    @Test
    void bgpNodeStatusHasAStatusSubresource() {
        CustomResourceDefinition crd = MockCluster.crd("bgpnodestatuses.podbgp.dev-v1.yml");
        assertThat(crd.getSpec().getVersions().getFirst().getSubresources().getStatus()).isNotNull();
    }
}
