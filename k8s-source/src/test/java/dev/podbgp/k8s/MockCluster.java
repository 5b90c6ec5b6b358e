package dev.podbgp.k8s;

import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * fabric8's mock API server in CRUD mode, on loopback, with our generated CRDs installed; it can be
 * stopped and started again on the same port with the same stored objects, as an API server restart.
 */
public final class MockCluster implements AutoCloseable {
    public static final List<String> CRD_FILES = List.of("bgpconfigurations.podbgp.dev-v1.yml",
            "bgppeers.podbgp.dev-v1.yml", "bgpnodestatuses.podbgp.dev-v1.yml", "serviceippools.podbgp.dev-v1.yml");

    // Held: java.util.logging keeps loggers weakly. The mock server logs every request at INFO.
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        QUIET.setLevel(java.util.logging.Level.WARNING);
    }

    private final KubernetesCrudDispatcher dispatcher = new KubernetesCrudDispatcher(new ArrayList<>());
    private KubernetesMockServer server;
    private final int port;
    private final List<KubernetesClient> clients = new ArrayList<>();

    public MockCluster() {
        server = newServer();
        server.init(InetAddress.getLoopbackAddress(), 0);
        port = server.getPort();
        KubernetesClient admin = client();
        for (String f : CRD_FILES) {
            admin.apiextensions().v1().customResourceDefinitions().resource(crd(f)).create();
        }
    }

    private KubernetesMockServer newServer() {
        return new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    }

    public static CustomResourceDefinition crd(String file) {
        try (InputStream in = MockCluster.class.getResourceAsStream("/META-INF/fabric8/" + file)) {
            if (in == null) {
                throw new IllegalStateException("generated CRD " + file + " is not on the class path");
            }
            return Serialization.unmarshal(in, CustomResourceDefinition.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client with short reconnect intervals, so a restart is noticed within a test's budget. */
    public KubernetesClient client() {
        KubernetesClient c = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + port + "/").withNamespace("podbgp")
                .withWatchReconnectInterval(100).withWatchReconnectLimit(-1)
                .withRequestRetryBackoffInterval(100).withRequestRetryBackoffLimit(3)
                .withConnectionTimeout(1000).withRequestTimeout(2000).build()).build();
        clients.add(c);
        return c;
    }

    public void stop() {
        server.destroy();
    }

    /** Same port, same stored objects, no open watches: what an informer sees when the API server restarts. */
    public void restart() {
        server = newServer();
        server.init(InetAddress.getLoopbackAddress(), port);
    }

    @Override
    public void close() {
        clients.forEach(KubernetesClient::close);
        server.destroy();
    }

    public static Node node(String name, List<String> podCidrs, List<String> internalIps, Map<String, String> labels,
                            Map<String, String> annotations) {
        List<NodeAddress> addresses = new ArrayList<>();
        internalIps.forEach(ip -> addresses.add(new NodeAddress(ip, "InternalIP")));
        addresses.add(new NodeAddress(name, "Hostname"));
        return new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).withAnnotations(annotations)
                .endMetadata().withNewSpec().withPodCIDRs(podCidrs).withPodCIDR(podCidrs.isEmpty() ? null : podCidrs.get(0))
                .endSpec().withNewStatus().withAddresses(addresses).endStatus().build();
    }

    /**
     * A Service as an allocator leaves it: type LoadBalancer of {@code loadBalancerClass} (null: none) with
     * {@code ingressIps} in its status and the traffic policy {@code externalTrafficPolicy} (Cluster or Local).
     */
    public static io.fabric8.kubernetes.api.model.Service service(String namespace, String name, String loadBalancerClass,
            List<String> ingressIps, String externalTrafficPolicy) {
        List<io.fabric8.kubernetes.api.model.LoadBalancerIngress> ingress = new ArrayList<>();
        ingressIps.forEach(ip -> ingress.add(new io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder().withIp(ip).build()));
        return new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewMetadata().withNamespace(namespace)
                .withName(name).endMetadata().withNewSpec().withType("LoadBalancer").withLoadBalancerClass(loadBalancerClass)
                .withExternalTrafficPolicy(externalTrafficPolicy).withInternalTrafficPolicy("Cluster").endSpec()
                .withNewStatus().withNewLoadBalancer().withIngress(ingress).endLoadBalancer().endStatus().build();
    }

    /** The EndpointSlice the endpoint-slice controller keeps for {@code service}: one endpoint per node in {@code readyOn}. */
    public static io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice endpointSlice(String namespace,
            String service, Map<String, Boolean> readyOn) {
        List<io.fabric8.kubernetes.api.model.discovery.v1.Endpoint> endpoints = new ArrayList<>();
        int i = 10;
        for (Map.Entry<String, Boolean> e : new java.util.TreeMap<>(readyOn).entrySet()) {
            endpoints.add(new io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder()
                    .withAddresses("10.244.0." + i++).withNodeName(e.getKey())
                    .withNewConditions().withReady(e.getValue()).withServing(e.getValue()).withTerminating(false)
                    .endConditions().build());
        }
        return new io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder().withNewMetadata()
                .withNamespace(namespace).withName(service + "-abcde")
                .withLabels(Map.of("kubernetes.io/service-name", service)).endMetadata()
                .withAddressType("IPv4").withEndpoints(endpoints).build();
    }

    /** Polls until {@code condition} holds; fails with {@code what} after {@code timeout}. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
