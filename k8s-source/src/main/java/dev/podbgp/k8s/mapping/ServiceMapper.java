package dev.podbgp.k8s.mapping;

import dev.podbgp.config.LargeCommunitySpec;
import dev.podbgp.config.StandardCommunity;
import dev.podbgp.config.state.ServiceRoute;
import dev.podbgp.config.state.ServiceRoute.Kind;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which Service addresses this node announces (docs/services.md): the load-balancer ingress IPs and external IPs of
 * the selected Services, and optionally their ClusterIPs, each as a host route; with a {@code Local} traffic policy
 * only while this node has a ready endpoint of the Service, with {@code Cluster} always (the ToR spreads the flows
 * over every node, ECMP). Addresses shared by several Services become one route carrying what each asks for.
 */
public final class ServiceMapper {
    private ServiceMapper() {
    }

    public static List<ServiceRoute> map(ServiceSettings settings, String node, Collection<Service> services,
                                         Collection<EndpointSlice> slices, List<Problem> problems) {
        if (!settings.enabled()) {
            return List.of();
        }
        Set<String> readyHere = LocalEndpoints.onNode(node, slices);
        Map<Prefix, ServiceRoute> routes = new LinkedHashMap<>();
        for (Prefix cidr : settings.serviceCidrs()) {
            add(routes, new ServiceRoute(cidr, List.of(), Kind.SERVICE_CIDR, settings.communities(),
                    settings.largeCommunities(), settings.localPreference()));
        }
        for (Service s : services.stream().sorted(Comparator.comparing(ServiceMapper::key)).toList()) {
            if (s.getSpec() == null || !selected(settings, s)) {
                continue;
            }
            String key = key(s);
            Fields f = new Fields("Service", key, problems);
            Attributes a = attributes(settings, s, f);
            ServiceSpec spec = s.getSpec();
            boolean local = readyHere.contains(key);
            if (!"Local".equals(spec.getExternalTrafficPolicy()) || local) {
                List<LoadBalancerIngress> ingress = s.getStatus() == null || s.getStatus().getLoadBalancer() == null
                        ? null : s.getStatus().getLoadBalancer().getIngress();
                for (int i = 0; ingress != null && i < ingress.size(); i++) {
                    // An entry may carry only a hostname (a cloud balancer's DNS name): nothing to route.
                    String ip = ingress.get(i).getIp();
                    if (ip != null && !ip.isBlank()) {
                        host(routes, f, "status.loadBalancer.ingress[" + i + "].ip", ip, key, Kind.INGRESS, a);
                    }
                }
                if (settings.externalIps() && spec.getExternalIPs() != null) {
                    for (int i = 0; i < spec.getExternalIPs().size(); i++) {
                        host(routes, f, "spec.externalIPs[" + i + "]", spec.getExternalIPs().get(i), key, Kind.EXTERNAL_IP, a);
                    }
                }
            }
            if (settings.clusterIps() && (!"Local".equals(spec.getInternalTrafficPolicy()) || local)) {
                List<String> clusterIps = spec.getClusterIPs() != null && !spec.getClusterIPs().isEmpty()
                        ? spec.getClusterIPs() : spec.getClusterIP() == null ? List.of() : List.of(spec.getClusterIP());
                for (int i = 0; i < clusterIps.size(); i++) {
                    String ip = clusterIps.get(i);
                    // Headless Services have "None": there is no address to announce.
                    if (ip != null && !ip.isBlank() && !"None".equals(ip)) {
                        host(routes, f, "spec.clusterIPs[" + i + "]", ip, key, Kind.CLUSTER_IP, a);
                    }
                }
            }
        }
        return List.copyOf(routes.values());
    }

    static String key(Service s) {
        return s.getMetadata().getNamespace() + "/" + s.getMetadata().getName();
    }

    static boolean selected(ServiceSettings settings, Service s) {
        String cls = s.getSpec().getLoadBalancerClass();
        boolean classOk = cls == null ? settings.withoutClass() : cls.equals(settings.loadBalancerClass());
        if (!classOk) {
            return false;
        }
        Map<String, String> labels = s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
        return settings.selector().map(sel -> sel.matches(labels)).orElse(true);
    }

    private record Attributes(List<StandardCommunity> communities, List<LargeCommunitySpec> largeCommunities,
                              Optional<Long> localPreference) {
    }

    /** The settings' attributes plus the Service's annotations; a bad annotation is reported and left out. */
    private static Attributes attributes(ServiceSettings settings, Service s, Fields f) {
        Map<String, String> ann = s.getMetadata().getAnnotations() == null ? Map.of() : s.getMetadata().getAnnotations();
        List<StandardCommunity> cs = new ArrayList<>(settings.communities());
        List<LargeCommunitySpec> lcs = new ArrayList<>(settings.largeCommunities());
        Optional<Long> pref = settings.localPreference();
        String field = "metadata.annotations[";
        String text = ann.get(Annotations.SERVICE_COMMUNITIES);
        if (text != null) {
            cs.addAll(AttributeText.list(text, c -> AttributeText.community(f, field + Annotations.SERVICE_COMMUNITIES + "]", c)));
        }
        text = ann.get(Annotations.SERVICE_LARGE_COMMUNITIES);
        if (text != null) {
            lcs.addAll(AttributeText.list(text,
                    c -> AttributeText.largeCommunity(f, field + Annotations.SERVICE_LARGE_COMMUNITIES + "]", c)));
        }
        text = ann.get(Annotations.SERVICE_LOCAL_PREFERENCE);
        if (text != null) {
            Optional<Long> own = AttributeText.localPreference(f, field + Annotations.SERVICE_LOCAL_PREFERENCE + "]", text);
            if (own.isPresent()) {
                pref = own;
            }
        }
        return new Attributes(cs, lcs, pref);
    }

    private static void host(Map<Prefix, ServiceRoute> routes, Fields f, String field, String text, String service,
                             Kind kind, Attributes a) {
        Optional<IpAddress> ip = f.address(field, text);
        if (ip.isPresent()) {
            Prefix p = Prefix.of(ip.get(), ip.get().family().bitLength());
            add(routes, new ServiceRoute(p, List.of(service), kind, a.communities(), a.largeCommunities(), a.localPreference()));
        }
    }

    private static void add(Map<Prefix, ServiceRoute> routes, ServiceRoute r) {
        routes.merge(r.prefix(), r, ServiceRoute::mergedWith);
    }
}
