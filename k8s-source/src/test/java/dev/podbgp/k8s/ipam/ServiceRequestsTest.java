package dev.podbgp.k8s.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceMapperTest {
    private static final AllocationSettings OURS = AllocationSettings.DEFAULTS;

    private static ServiceBuilder lb(String type, String cls) {
        return new ServiceBuilder().withNewMetadata().withNamespace("shop").withName("web").endMetadata()
                .withNewSpec().withType(type).withLoadBalancerClass(cls).endSpec();
    }

    private static ServiceRequest served(Service s) {
        ServiceRequests.Read r = ServiceRequests.read(s, OURS, Map.of("env", "prod"));
        assertThat(r).isInstanceOf(ServiceRequests.Served.class);
        return ((ServiceRequests.Served) r).request();
    }

    @Test
    void onlyLoadBalancersOfTheConfiguredClassAreServed() {
        assertThat(ServiceRequests.read(lb("ClusterIP", "podbgp.dev/bgp").build(), OURS, Map.of()))
                .isInstanceOf(ServiceRequests.NotServed.class);
        assertThat(ServiceRequests.read(lb("LoadBalancer", "example.com/lb").build(), OURS, Map.of()))
                .isInstanceOf(ServiceRequests.NotServed.class);
        assertThat(ServiceRequests.read(lb("LoadBalancer", null).build(), OURS, Map.of()))
                .isInstanceOf(ServiceRequests.NotServed.class);
        assertThat(ServiceRequests.read(lb("LoadBalancer", null).build(), new AllocationSettings(true, "podbgp.dev/bgp", true), Map.of()))
                .isInstanceOf(ServiceRequests.Served.class);
        ServiceRequest r = served(lb("LoadBalancer", "podbgp.dev/bgp").build());
        assertThat(r.key()).isEqualTo("shop/web");
        assertThat(r.namespaceLabels()).containsEntry("env", "prod");
        assertThat(r.families()).containsExactly(AddressFamily.IPV4);
    }

    @Test
    void familiesFollowIpFamiliesAndThePolicy() {
        ServiceBuilder dual = lb("LoadBalancer", "podbgp.dev/bgp").editSpec().withIpFamilies("IPv6", "IPv4").endSpec();
        ServiceRequest single = served(new ServiceBuilder(dual.build()).editSpec().withIpFamilyPolicy("SingleStack").endSpec().build());
        assertThat(single.families()).containsExactly(AddressFamily.IPV6);
        ServiceRequest required = served(new ServiceBuilder(dual.build()).editSpec().withIpFamilyPolicy("RequireDualStack").endSpec().build());
        assertThat(required.families()).containsExactly(AddressFamily.IPV6, AddressFamily.IPV4);
        assertThat(required.allFamilies()).isTrue();
        ServiceRequest preferred = served(new ServiceBuilder(dual.build()).editSpec().withIpFamilyPolicy("PreferDualStack").endSpec().build());
        assertThat(preferred.allFamilies()).isFalse();
    }

    @Test
    void theAnnotationWinsOverLoadBalancerIpAndBadTextIsNamed() {
        Service both = lb("LoadBalancer", "podbgp.dev/bgp").editMetadata()
                .addToAnnotations(ServiceRequests.LOAD_BALANCER_IPS, "192.0.2.5, 2001:db8::5").endMetadata()
                .editSpec().withLoadBalancerIP("192.0.2.9").endSpec().build();
        ServiceRequest r = served(both);
        assertThat(r.requested()).containsExactly(IpAddress.parse("192.0.2.5"), IpAddress.parse("2001:db8::5"));
        assertThat(r.families()).as("no ipFamilies: the requested addresses say").containsExactly(AddressFamily.IPV4, AddressFamily.IPV6);
        Service legacy = lb("LoadBalancer", "podbgp.dev/bgp").editSpec().withLoadBalancerIP("192.0.2.9").endSpec().build();
        assertThat(served(legacy).requested()).containsExactly(IpAddress.parse("192.0.2.9"));
        Service pinned = lb("LoadBalancer", "podbgp.dev/bgp").editMetadata().addToAnnotations(ServiceRequests.ADDRESS_POOL, "public")
                .endMetadata().build();
        assertThat(served(pinned).pool()).contains("public");

        Service bad = lb("LoadBalancer", "podbgp.dev/bgp").editMetadata()
                .addToAnnotations(ServiceRequests.LOAD_BALANCER_IPS, "192.0.2.5,web.example").endMetadata().build();
        ServiceRequests.Read read = ServiceRequests.read(bad, OURS, Map.of());
        assertThat(read).isInstanceOf(ServiceRequests.Unreadable.class);
        assertThat(((ServiceRequests.Unreadable) read).message())
                .isEqualTo("metadata.annotations[podbgp.dev/load-balancer-ips]: 'web.example' is not an IP address");
    }

    @Test
    void ingressReadsAddressesAndSkipsHostnames() {
        Service s = lb("LoadBalancer", "podbgp.dev/bgp").withNewStatus().withNewLoadBalancer()
                .addNewIngress().withIp("192.0.2.5").endIngress()
                .addNewIngress().withHostname("lb.example").endIngress()
                .addNewIngress().withIp("2001:db8::5").endIngress()
                .endLoadBalancer().endStatus().build();
        assertThat(ServiceRequests.ingress(s)).containsExactly(IpAddress.parse("192.0.2.5"), IpAddress.parse("2001:db8::5"));
        assertThat(ServiceRequests.ingress(lb("LoadBalancer", null).build())).isEqualTo(List.of());
    }
}
