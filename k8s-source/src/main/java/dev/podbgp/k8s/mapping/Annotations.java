package dev.podbgp.k8s.mapping;

/** Node annotations that set up podbgp without any CRD (docs/kubernetes.md lists them). */
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

    private Annotations() {
    }
}
