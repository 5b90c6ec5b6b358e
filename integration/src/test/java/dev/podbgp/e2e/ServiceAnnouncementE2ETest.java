package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.config.ConfigLoader;
import dev.podbgp.daemon.run.KubernetesMode;
import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.demo.Pod;
import dev.podbgp.demo.PodTraffic;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.k8s.MockCluster;
import dev.podbgp.k8s.crd.ServiceIPPool;
import dev.podbgp.k8s.crd.ServiceIPPoolSpec;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Json;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.peer.SessionState;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18's lab test: two podbgp nodes in Kubernetes mode (fabric8's CRUD mock server); the leading one's allocator
 * gives a LoadBalancer Service its address from a ServiceIPPool, and the nodes announce it to the FRR top-of-rack
 * router. With {@code externalTrafficPolicy: Local} only the node with a
 * ready endpoint announces it, and moving the endpoint moves the announcement; with {@code Cluster} both nodes do and
 * the router spreads the flows over them (ECMP). Traffic from the router's side reaches the pod through the
 * {@link KubeProxyStandIn}.
 */
@ExtendWith(LabExtension.class)
class ServiceAnnouncementE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(40);
    /** Generous, as a failure check only: the measured figure goes to the test's output. */
    private static final Duration MOVE_BOUND = Duration.ofSeconds(5);
    private static final IpAddress VIP = IpAddress.parse("192.0.2.80");

    @Test
    void theServiceAddressFollowsItsReadyEndpoint_andClusterPolicyIsEcmpAtTheTor(Lab lab) throws Exception {
        DemoTopology t = DemoTopology.build(lab);
        DemoNode n1 = t.node1();
        DemoNode n2 = t.node2();
        // Equal-cost paths from the two nodes' different ASes.
        t.tor().vtysh("configure terminal", "router bgp " + DemoTopology.TOR_AS, "bgp bestpath as-path multipath-relax",
                "address-family ipv4 unicast", "maximum-paths 4");
        List<KubernetesMode> daemons = new ArrayList<>();
        try (MockCluster cluster = new MockCluster()) {
            KubernetesClient admin = cluster.client();
            for (DemoNode n : t.nodes()) {
                admin.nodes().resource(MockCluster.node(n.config().name(), List.of(n.config().podCidrs().getFirst().toString()),
                        List.of(n.config().address().toString()), Map.of(),
                        Map.of("podbgp.dev/asn", String.valueOf(n.config().asn()),
                                "podbgp.dev/extra-peers", n.config().torAddress() + "=" + DemoTopology.TOR_AS))).create();
            }
            for (DemoNode n : t.nodes()) {
                daemons.add(KubernetesMode.start(cluster.client(), ConfigLoader.loadBase(KubernetesE2ETest.baseFile(n)),
                        n.config().name(), "podbgp", SETTLE, Optional.of(n.node().name())));
            }
            for (DemoNode n : t.nodes()) {
                Await.until("FRR's session with " + n.config().name(), SETTLE,
                        () -> t.tor().state(n.config().address()) == SessionState.ESTABLISHED,
                        () -> t.tor().vtysh("show bgp summary"));
                Await.until(n.config().name() + "'s conflist", SETTLE, () -> Files.exists(n.conflistFile()), () -> "");
            }
            Pod p1 = n1.addPod();
            Pod p2 = n2.addPod();
            String a1 = n1.config().address().toString();
            String a2 = n2.config().address().toString();

            // podbgp's allocator (the leading pod's) gives the Service its address from a one-address pool; its one pod
            // runs on node1.
            ServiceIPPool pool = new ServiceIPPool();
            pool.setMetadata(new ObjectMetaBuilder().withName("lab").build());
            pool.setSpec(new ServiceIPPoolSpec());
            pool.getSpec().cidrs = List.of(VIP + "/32");
            admin.resources(ServiceIPPool.class).resource(pool).create();
            admin.services().inNamespace("shop").resource(MockCluster.service("shop", "web", "podbgp.dev/bgp",
                    List.of(), "Local")).create();
            Await.until("the allocator writing the Service's address", SETTLE, () -> ingress(admin).equals(List.of(VIP.toString())),
                    () -> String.valueOf(ingress(admin)));
            admin.discovery().v1().endpointSlices().inNamespace("shop").resource(slice("node1", p1)).create();
            KubeProxyStandIn.forward(n1.node(), VIP, p1.address());
            Await.until("the Service address from node1 only", SETTLE, () -> announcers(t).equals(Set.of(a1)),
                    () -> t.tor().vtysh("show bgp ipv4 unicast " + VIP + "/32"));
            Await.until("the router's kernel forwarding the Service address to node1", SETTLE,
                    () -> routerRoute(t).contains("via " + a1), () -> routerRoute(t));
            // Never into the announcing node's own FIB (no route of any protocol): kube-proxy delivers the address there.
            assertThat(n1.node().exec("ip", "route", "show", VIP + "/32").orThrow()).isBlank();
            PodTraffic.TcpExchange first = PodTraffic.tcp(t.torNode(), "the router", p1, VIP);
            assertThat(first.received()).contains("this is " + p1.address());
            assertThat(first.serverSaw()).isEqualTo(n1.config().torAddress().toString());

            // The pod moves to node2: kube-proxy's rules follow the endpoint, and so does the announcement.
            KubeProxyStandIn.stop(n1.node(), VIP, p1.address());
            KubeProxyStandIn.forward(n2.node(), VIP, p2.address());
            long start = System.nanoTime();
            // For reading beside the daemons' service-route-announced/-withdrawn log lines: podbgp's own share.
            System.out.println("service-announcement-move endpoint-slice-updated-at=" + java.time.Instant.now());
            admin.discovery().v1().endpointSlices().inNamespace("shop").withName("web-abcde").edit(s -> {
                s.setEndpoints(slice("node2", p2).getEndpoints());
                return s;
            });
            Await.until("the Service address from node2 only", MOVE_BOUND, () -> announcers(t).equals(Set.of(a2)),
                    () -> t.tor().vtysh("show bgp ipv4 unicast " + VIP + "/32"));
            Duration inBgp = Duration.ofNanos(System.nanoTime() - start);
            // zebra installs bgpd's choice a moment later; until then new flows still go to node1.
            Await.until("the router's kernel forwarding the Service address to node2", MOVE_BOUND,
                    () -> routerRoute(t).contains("via " + a2) && !routerRoute(t).contains(a1), () -> routerRoute(t));
            Duration inKernel = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("service-announcement-move bgp-ms=" + inBgp.toMillis() + " kernel-ms=" + inKernel.toMillis()
                    + " (EndpointSlice update to the router's BGP paths, and its kernel route, for " + VIP
                    + " being node2's alone)");
            PodTraffic.TcpExchange second = PodTraffic.tcp(t.torNode(), "the router", p2, VIP);
            assertThat(second.received()).contains("this is " + p2.address());
            assertThat(second.serverSaw()).isEqualTo(n2.config().torAddress().toString());

            // Traffic policy Cluster: every node announces, the router installs both as equal-cost next hops.
            KubeProxyStandIn.forward(n1.node(), VIP, p1.address());
            admin.services().inNamespace("shop").withName("web").edit(svc -> {
                svc.getSpec().setExternalTrafficPolicy("Cluster");
                return svc;
            });
            Await.until("the Service address from both nodes", SETTLE, () -> announcers(t).equals(Set.of(a1, a2)),
                    () -> t.tor().vtysh("show bgp ipv4 unicast " + VIP + "/32"));
            Await.until("an ECMP route in the router's kernel", SETTLE,
                    () -> routerRoute(t).contains("nexthop via " + a1) && routerRoute(t).contains("nexthop via " + a2),
                    () -> routerRoute(t));

            // The Service is deleted: no node announces it any more.
            admin.services().inNamespace("shop").withName("web").delete();
            Await.until("the Service address withdrawn", SETTLE, () -> announcers(t).isEmpty(),
                    () -> t.tor().vtysh("show bgp ipv4 unicast " + VIP + "/32"));
        } finally {
            for (KubernetesMode d : daemons) {
                d.close();
            }
        }
    }

    /** The addresses in the Service's {@code status.loadBalancer.ingress}. */
    private static List<String> ingress(KubernetesClient admin) {
        var svc = admin.services().inNamespace("shop").withName("web").get();
        if (svc == null || svc.getStatus() == null || svc.getStatus().getLoadBalancer() == null
                || svc.getStatus().getLoadBalancer().getIngress() == null) {
            return List.of();
        }
        return svc.getStatus().getLoadBalancer().getIngress().stream().map(i -> i.getIp()).toList();
    }

    /** The EndpointSlice with the Service's one ready endpoint, {@code pod} on {@code node}. */
    private static EndpointSlice slice(String node, Pod pod) {
        EndpointSlice s = MockCluster.endpointSlice("shop", "web", Map.of(node, true));
        s.setEndpoints(List.of(new EndpointBuilder().withAddresses(pod.address().toString()).withNodeName(node)
                .withNewConditions().withReady(true).withServing(true).withTerminating(false).endConditions().build()));
        return s;
    }

    /** The router's kernel route for the Service address (zebra installs bgpd's best paths). */
    private static String routerRoute(DemoTopology t) {
        return t.torNode().exec("ip", "route", "show", VIP + "/32").orThrow();
    }

    /** The neighbors FRR has a path for the Service address from. */
    private static Set<String> announcers(DemoTopology t) {
        JsonNode detail = Json.parse(t.tor().vtysh("show bgp ipv4 unicast " + VIP + "/32 json"));
        Set<String> from = new TreeSet<>();
        for (JsonNode path : detail.path("paths")) {
            from.add(path.path("peer").path("peerId").asText());
        }
        return from;
    }
}
