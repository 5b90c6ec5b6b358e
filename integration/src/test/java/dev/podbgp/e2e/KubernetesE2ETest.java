package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.ConfigLoader;
import dev.podbgp.daemon.run.KubernetesMode;
import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.demo.Pod;
import dev.podbgp.demo.PodTraffic;
import dev.podbgp.inet.Prefix;
import dev.podbgp.k8s.MockCluster;
import dev.podbgp.k8s.crd.ServiceIPPool;
import dev.podbgp.k8s.crd.ServiceIPPoolSpec;
import dev.podbgp.k8s.ipam.AllocationSettings;
import dev.podbgp.k8s.ipam.ServiceRequests;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.peer.SessionState;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8's lab test: two podbgp nodes in network namespaces take everything from the Kubernetes
 * API (fabric8's CRUD mock server; no kube-apiserver can run here), peer with an FRR top-of-rack
 * router named in a Node annotation, and assigning podCIDRs to the Node objects is what makes
 * their pods reachable from each other. The daemons run in this JVM (each one's sockets, FIB
 * writes and host rules inside its node's namespace), so the API server stays on the host's
 * loopback and no lab traffic touches the host.
 */
@ExtendWith(LabExtension.class)
class KubernetesE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(40);

    @Test
    void podCidrsAssignedToTheNodeObjectsMakePodsReachableThroughTheTor(Lab lab) throws Exception {
        DemoTopology t = DemoTopology.build(lab);
        DemoNode n1 = t.node1();
        DemoNode n2 = t.node2();
        List<KubernetesMode> daemons = new ArrayList<>();
        try (MockCluster cluster = new MockCluster()) {
            KubernetesClient admin = cluster.client();
            for (DemoNode n : t.nodes()) {
                // The Node as the kubelet registers it: InternalIP, no podCIDR yet; the annotations
                // give its AS and its top-of-rack router (docs/kubernetes.md).
                admin.nodes().resource(MockCluster.node(n.config().name(), List.of(),
                        List.of(n.config().address().toString()), Map.of(),
                        Map.of("podbgp.dev/asn", String.valueOf(n.config().asn()),
                                "podbgp.dev/extra-peers", n.config().torAddress() + "=" + DemoTopology.TOR_AS))).create();
            }
            for (DemoNode n : t.nodes()) {
                daemons.add(KubernetesMode.start(cluster.client(), ConfigLoader.loadBase(baseFile(n)),
                        n.config().name(), "podbgp", SETTLE, Optional.of(n.node().name())));
            }
            for (DemoNode n : t.nodes()) {
                Await.until("FRR's session with " + n.config().name(), SETTLE,
                        () -> t.tor().state(n.config().address()) == SessionState.ESTABLISHED,
                        () -> t.tor().vtysh("show bgp summary"));
            }
            // Sessions up, but no node has a podCIDR: nothing to announce, nothing in the router.
            assertThat(t.torNode().exec("ip", "route", "show", "proto", "bgp").orThrow()).isBlank();
            assertThat(Files.exists(n1.conflistFile())).isFalse();

            // The node IPAM controller's part: podCIDRs on the Node objects.
            for (DemoNode n : t.nodes()) {
                String cidr = n.config().podCidrs().getFirst().toString();
                admin.nodes().withName(n.config().name()).edit(node -> {
                    node.getSpec().setPodCIDRs(List.of(cidr));
                    node.getSpec().setPodCIDR(cidr);
                    return node;
                });
            }
            Prefix cidr1 = n1.config().podCidrs().getFirst();
            Prefix cidr2 = n2.config().podCidrs().getFirst();
            Await.until("node1's kernel to learn " + cidr2, SETTLE, () -> n1.kernelHasRoute(cidr2), n1::kernelRoutes);
            Await.until("node2's kernel to learn " + cidr1, SETTLE, () -> n2.kernelHasRoute(cidr1), n2::kernelRoutes);

            // podbgp wrote each node's conflist for its new podCIDR (just after announcing it, so
            // a peer may have the route first); pods from it reach each other.
            for (DemoNode n : t.nodes()) {
                Await.until(n.config().name() + "'s conflist", SETTLE, () -> Files.exists(n.conflistFile()), () -> "absent");
            }
            Pod p1 = n1.addPod();
            Pod p2 = n2.addPod();
            assertThat(cidr1.contains(p1.address())).isTrue();
            assertThat(PodTraffic.ping(p1, p2, 3).ok()).isTrue();
            assertThat(PodTraffic.tcp(p1, p2).serverSaw()).isEqualTo(p1.address().toString());

            // Status back to the cluster: routes programmed, so the node's network is available.
            Await.until("NetworkUnavailable=False on node1", SETTLE, () -> networkAvailable(admin.nodes().withName("node1").get()),
                    () -> String.valueOf(admin.nodes().withName("node1").get().getStatus().getConditions()));

            // LoadBalancer IPs: whichever daemon holds the allocator lease hands one out.
            ServiceIPPool pool = new ServiceIPPool();
            pool.setMetadata(new ObjectMetaBuilder().withName("lab").build());
            pool.setSpec(new ServiceIPPoolSpec());
            pool.getSpec().cidrs = List.of("198.51.100.0/30");
            admin.resources(ServiceIPPool.class).resource(pool).create();
            admin.services().inNamespace("apps").resource(loadBalancer("web")).create();
            Await.until("apps/web's LoadBalancer IP", SETTLE, () -> ingress(admin, "web").equals(List.of("198.51.100.0")),
                    () -> String.valueOf(ingress(admin, "web")));

            // node2's daemon stops (as on SIGTERM): Cease to the router, node2's pods withdrawn.
            daemons.get(1).stop("test: node2 leaves");
            Await.until("node1's kernel to lose " + cidr2, SETTLE, () -> !n1.kernelHasRoute(cidr2), n1::kernelRoutes);
            // node1 allocates now (it led already, or took the lease node2 gave up), from the statuses.
            admin.services().inNamespace("apps").resource(loadBalancer("api")).create();
            Await.until("apps/api's LoadBalancer IP", SETTLE, () -> ingress(admin, "api").equals(List.of("198.51.100.1")),
                    () -> String.valueOf(ingress(admin, "api")));
        } finally {
            for (KubernetesMode d : daemons) {
                d.close();
            }
        }
    }

    private static io.fabric8.kubernetes.api.model.Service loadBalancer(String name) {
        return new ServiceBuilder().withNewMetadata().withNamespace("apps").withName(name).endMetadata()
                .withNewSpec().withType("LoadBalancer").withLoadBalancerClass(AllocationSettings.DEFAULT_CLASS)
                .addNewPort().withPort(80).endPort().endSpec().build();
    }

    private static List<String> ingress(KubernetesClient admin, String name) {
        var s = admin.services().inNamespace("apps").withName(name).get();
        return s == null ? List.of() : ServiceRequests.ingress(s).stream().map(Object::toString).toList();
    }

    private static boolean networkAvailable(Node node) {
        return node.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("NetworkUnavailable") && c.getStatus().equals("False"));
    }

    /** The ConfigMap every node shares: AS and pod CIDRs of the cluster, no mesh (one AS per node here). */
    static Path baseFile(DemoNode n) throws Exception {
        Path file = n.configFile().resolveSibling("base.yaml");
        Files.writeString(file, """
                node:
                  asn: 64512
                  clusterPodCidrs: [10.240.0.0/16]
                mesh:
                  enabled: false
                cni:
                  confDir: %s
                  mtu: auto
                controlSocket: %s
                metrics:
                  enabled: false
                """.formatted(n.config().confDir(), n.config().controlSocket()));
        return file;
    }
}
