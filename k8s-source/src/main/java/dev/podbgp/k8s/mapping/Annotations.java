package dev.podbgp.k8s.mapping;

/**
 * Node annotations that set up podbgp without any CRD (docs/kubernetes.md lists them), and Service annotations that
 * add attributes to a Service's routes (docs/services.md).
 */
public final class Annotations {
    public static final String PREFIX = "podbgp.dev/";
    /** This node's AS, decimal; overrides the BGPConfiguration's. */
    public static final String ASN = PREFIX + "asn";
    /** {@code server} or {@code client}: with any server present, clients peer only with servers. */
    public static final String ROUTE_REFLECTOR = PREFIX + "route-reflector";
    /** RFC 4456 §7 CLUSTER_ID of a server, dotted quad; default its router id. */
    public static final String CLUSTER_ID = PREFIX + "cluster-id";
    /** {@code address=asn} pairs, comma separated: external peers of this node only. */
    public static final String EXTRA_PEERS = PREFIX + "extra-peers";
    /** This node's BGP identifier, dotted quad; default its first IPv4 InternalIP. */
    public static final String ROUTER_ID = PREFIX + "router-id";

    /** On a Service: standard communities ({@code asn:value} or a well-known name), comma separated. */
    public static final String SERVICE_COMMUNITIES = PREFIX + "communities";
    /** On a Service: large communities ({@code global:local1:local2}), comma separated. */
    public static final String SERVICE_LARGE_COMMUNITIES = PREFIX + "large-communities";
    /** On a Service: LOCAL_PREF of its routes, decimal. */
    public static final String SERVICE_LOCAL_PREFERENCE = PREFIX + "local-preference";

    private Annotations() {
    }
}
