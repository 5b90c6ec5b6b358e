package dev.podbgp.k8s.mapping;

import static dev.podbgp.k8s.MockCluster.endpointSlice;
import static dev.podbgp.k8s.MockCluster.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.LargeCommunitySpec;
import dev.podbgp.config.StandardCommunity;
import dev.podbgp.config.state.ServiceRoute;
import dev.podbgp.config.state.ServiceRoute.Kind;
import dev.podbgp.inet.Prefix;
import dev.podbgp.k8s.crd.ServiceAnnouncement;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditionsBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceMapperTest {
    private static final String CLASS = ServiceSettings.DEFAULT_CLASS;
    private final List<Problem> problems = new ArrayList<>();

    private List<ServiceRoute> map(ServiceSettings settings, List<Service> services, List<EndpointSlice> slices) {
        return ServiceMapper.map(settings, "n1", services, slices, problems);
    }

    private List<ServiceRoute> map(List<Service> services, List<EndpointSlice> slices) {
        return map(ServiceSettings.DEFAULTS, services, slices);
    }

    private static List<String> prefixes(List<ServiceRoute> routes) {
        return routes.stream().map(r -> r.prefix().toString()).toList();
    }

    private ServiceSettings settings(ServiceAnnouncement a) {
        return ServiceSettings.from(a, new Fields("BGPConfiguration", "default", problems));
    }

    @Test
    void clusterPolicy_everyNodeAnnouncesTheIngressIps_dualStackAsHostRoutes() {
        Service web = service("shop", "web", CLASS, List.of("192.0.2.10", "2001:db8::10"), "Cluster");
        List<ServiceRoute> routes = map(List.of(web), List.of());
        assertThat(prefixes(routes)).containsExactly("192.0.2.10/32", "2001:db8::10/128");
        assertThat(routes).allSatisfy(r -> {
            assertThat(r.services()).containsExactly("shop/web");
            assertThat(r.kind()).isEqualTo(Kind.INGRESS);
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void localPolicy_announcedOnlyWhileThisNodeHasAReadyEndpoint() {
        Service web = service("shop", "web", CLASS, List.of("192.0.2.10"), "Local");
        assertThat(map(List.of(web), List.of())).as("no endpoints at all").isEmpty();
        assertThat(map(List.of(web), List.of(endpointSlice("shop", "web", Map.of("n2", true)))))
                .as("ready only on another node").isEmpty();
        assertThat(map(List.of(web), List.of(endpointSlice("shop", "web", Map.of("n1", false, "n2", true)))))
                .as("not ready here").isEmpty();
        assertThat(prefixes(map(List.of(web), List.of(endpointSlice("shop", "web", Map.of("n1", true))))))
                .containsExactly("192.0.2.10/32");
        // Another namespace's Service of the same name does not count.
        assertThat(map(List.of(web), List.of(endpointSlice("other", "web", Map.of("n1", true))))).isEmpty();
    }

    @Test
    void readiness_absentConditionsAreReady_terminatingEndpointsAreNot() {
        Service web = service("shop", "web", CLASS, List.of("192.0.2.10"), "Local");
        EndpointSlice unknown = endpointSlice("shop", "web", Map.of("n1", true));
        unknown.getEndpoints().getFirst().setConditions(null);
        assertThat(map(List.of(web), List.of(unknown))).hasSize(1);
        EndpointSlice unset = endpointSlice("shop", "web", Map.of("n1", true));
        unset.getEndpoints().getFirst().setConditions(new EndpointConditionsBuilder().build());
        assertThat(map(List.of(web), List.of(unset))).hasSize(1);
        // Still serving its open connections while it shuts down: new flows go to other nodes.
        EndpointSlice terminating = endpointSlice("shop", "web", Map.of("n1", true));
        terminating.getEndpoints().getFirst().setConditions(new EndpointConditionsBuilder().withReady(false)
                .withServing(true).withTerminating(true).build());
        assertThat(map(List.of(web), List.of(terminating))).isEmpty();
    }

    @Test
    void selection_byLoadBalancerClass_withoutClassOnlyWhenAsked() {
        Service ours = service("a", "ours", CLASS, List.of("192.0.2.1"), "Cluster");
        Service metallb = service("a", "metallb", "metallb.io/metallb", List.of("192.0.2.2"), "Cluster");
        Service plain = service("a", "plain", null, List.of("192.0.2.3"), "Cluster");
        assertThat(prefixes(map(List.of(ours, metallb, plain), List.of()))).containsExactly("192.0.2.1/32");
        ServiceAnnouncement a = new ServiceAnnouncement();
        a.withoutClass = true;
        assertThat(prefixes(map(settings(a), List.of(ours, metallb, plain), List.of())))
                .containsExactly("192.0.2.1/32", "192.0.2.3/32");
        a.loadBalancerClass = "metallb.io/metallb";
        a.withoutClass = false;
        assertThat(prefixes(map(settings(a), List.of(ours, metallb, plain), List.of()))).containsExactly("192.0.2.2/32");
        a.enabled = false;
        assertThat(map(settings(a), List.of(ours, metallb, plain), List.of())).isEmpty();
    }

    @Test
    void selection_byLabelSelector() {
        Service edge = service("a", "edge", CLASS, List.of("192.0.2.1"), "Cluster");
        edge.getMetadata().setLabels(Map.of("exposure", "internet", "tier", "web"));
        Service internal = service("a", "internal", CLASS, List.of("192.0.2.2"), "Cluster");
        internal.getMetadata().setLabels(Map.of("exposure", "rack"));
        ServiceAnnouncement a = new ServiceAnnouncement();
        a.selector = new LabelSelectorBuilder().withMatchLabels(Map.of("exposure", "internet")).build();
        assertThat(prefixes(map(settings(a), List.of(edge, internal), List.of()))).containsExactly("192.0.2.1/32");
        a.selector = new LabelSelectorBuilder().addNewMatchExpression().withKey("tier").withOperator("DoesNotExist")
                .endMatchExpression().build();
        assertThat(prefixes(map(settings(a), List.of(edge, internal), List.of()))).containsExactly("192.0.2.2/32");
        // A selector that cannot be evaluated selects nothing, rather than everything, and says why.
        a.selector = new LabelSelectorBuilder().addNewMatchExpression().withKey("tier").withOperator("Like")
                .endMatchExpression().build();
        assertThat(map(settings(a), List.of(edge, internal), List.of())).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("spec.services.selector"));
    }

    @Test
    void annotations_addCommunitiesLargeCommunitiesAndLocalPreference() {
        Service web = service("shop", "web", CLASS, List.of("192.0.2.10"), "Cluster");
        web.getMetadata().setAnnotations(Map.of(Annotations.SERVICE_COMMUNITIES, "65000:100, no-export",
                Annotations.SERVICE_LARGE_COMMUNITIES, "4200000000:1:2", Annotations.SERVICE_LOCAL_PREFERENCE, "300"));
        ServiceAnnouncement a = new ServiceAnnouncement();
        a.communities = List.of("65000:1");
        ServiceRoute r = map(settings(a), List.of(web), List.of()).getFirst();
        assertThat(r.communities()).containsExactly(StandardCommunity.parse("65000:1"),
                StandardCommunity.parse("65000:100"), StandardCommunity.parse("no-export"));
        assertThat(r.largeCommunities()).containsExactly(LargeCommunitySpec.parse("4200000000:1:2"));
        assertThat(r.localPreference()).contains(300L);
        assertThat(problems).isEmpty();
    }

    @Test
    void badAnnotations_areReportedAndTheServiceIsStillAnnouncedWithoutThem() {
        Service web = service("shop", "web", CLASS, List.of("192.0.2.10"), "Cluster");
        web.getMetadata().setAnnotations(Map.of(Annotations.SERVICE_COMMUNITIES, "65000:100,70000:1,banana",
                Annotations.SERVICE_LARGE_COMMUNITIES, "1:2", Annotations.SERVICE_LOCAL_PREFERENCE, "-5"));
        List<ServiceRoute> routes = map(List.of(web), List.of());
        assertThat(prefixes(routes)).containsExactly("192.0.2.10/32");
        ServiceRoute r = routes.getFirst();
        assertThat(r.communities()).containsExactly(StandardCommunity.parse("65000:100"));
        assertThat(r.largeCommunities()).isEmpty();
        assertThat(r.localPreference()).isEmpty();
        assertThat(problems).hasSize(4).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo("Service");
            assertThat(p.name()).isEqualTo("shop/web");
            assertThat(p.field()).startsWith("metadata.annotations[podbgp.dev/");
        });
    }

    @Test
    void badAddresses_areReportedAndTheOthersAnnounced() {
        Service web = service("shop", "web", CLASS, List.of("192.0.2.300", "192.0.2.10"), "Cluster");
        assertThat(prefixes(map(List.of(web), List.of()))).containsExactly("192.0.2.10/32");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("status.loadBalancer.ingress[0].ip"));
    }

    @Test
    void externalIps_byDefault_clusterIps_onlyWhenAsked_followingInternalTrafficPolicy() {
        Service web = service("shop", "web", CLASS, List.of(), "Cluster");
        web.getSpec().setExternalIPs(List.of("198.51.100.7"));
        web.getSpec().setClusterIPs(List.of("10.96.0.10", "fd00:96::10"));
        assertThat(map(List.of(web), List.of())).singleElement().satisfies(r -> {
            assertThat(r.prefix()).isEqualTo(Prefix.parse("198.51.100.7/32"));
            assertThat(r.kind()).isEqualTo(Kind.EXTERNAL_IP);
        });
        ServiceAnnouncement a = new ServiceAnnouncement();
        a.clusterIPs = true;
        a.externalIPs = false;
        assertThat(prefixes(map(settings(a), List.of(web), List.of()))).containsExactly("10.96.0.10/32", "fd00:96::10/128");
        web.getSpec().setInternalTrafficPolicy("Local");
        assertThat(map(settings(a), List.of(web), List.of())).isEmpty();
        assertThat(prefixes(map(settings(a), List.of(web), List.of(endpointSlice("shop", "web", Map.of("n1", true))))))
                .containsExactly("10.96.0.10/32", "fd00:96::10/128");
        // Headless: no address.
        web.getSpec().setClusterIPs(List.of("None"));
        assertThat(map(settings(a), List.of(web), List.of(endpointSlice("shop", "web", Map.of("n1", true))))).isEmpty();
    }

    @Test
    void serviceCidrs_areAnnouncedAsOneRouteEach() {
        ServiceAnnouncement a = new ServiceAnnouncement();
        a.serviceCIDRs = List.of("10.96.0.0/12", "not-a-cidr");
        assertThat(map(settings(a), List.of(), List.of())).singleElement().satisfies(r -> {
            assertThat(r.prefix()).isEqualTo(Prefix.parse("10.96.0.0/12"));
            assertThat(r.kind()).isEqualTo(Kind.SERVICE_CIDR);
        });
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("spec.services.serviceCIDRs[1]"));
    }

    @Test
    void anAddressSharedByTwoServices_isOneRouteWithBothOwnersAndAttributes() {
        Service http = service("shop", "http", CLASS, List.of("192.0.2.10"), "Cluster");
        http.getMetadata().setAnnotations(Map.of(Annotations.SERVICE_COMMUNITIES, "65000:80",
                Annotations.SERVICE_LOCAL_PREFERENCE, "100"));
        Service dns = service("shop", "dns", CLASS, List.of("192.0.2.10"), "Cluster");
        dns.getMetadata().setAnnotations(Map.of(Annotations.SERVICE_COMMUNITIES, "65000:53",
                Annotations.SERVICE_LOCAL_PREFERENCE, "200"));
        assertThat(map(List.of(http, dns), List.of())).singleElement().satisfies(r -> {
            assertThat(r.services()).containsExactly("shop/dns", "shop/http");
            assertThat(r.communities()).extracting(Object::toString).containsExactly("65000:53", "65000:80");
            assertThat(r.localPreference()).isEqualTo(Optional.of(200L));
        });
    }

    @Test
    void anIngressEntryWithOnlyAHostname_isNotAnError() {
        Service web = service("shop", "web", CLASS, List.of(), "Cluster");
        web.getStatus().getLoadBalancer().setIngress(List.of(new io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder()
                .withHostname("lb.example").build()));
        assertThat(map(List.of(web), List.of())).isEmpty();
        assertThat(problems).isEmpty();
    }
}
