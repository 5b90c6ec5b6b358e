package dev.podbgp.config.yaml;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The keys each section allows, in the order docs/config.md lists them (error messages list them so). */
final class Keys {
    private Keys() {
    }

    static Set<String> of(String... keys) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }

    static final Set<String> ROOT = of("node", "listen", "peers", "dynamicPeers", "defaultGatewayPeer", "mesh", "policies",
            "roles", "fib", "gracefulRestart", "cni", "controlSocket", "metrics", "logging", "aggregates",
            "services", "processes");
    static final Set<String> NODE = of("name", "routerId", "asn", "podCidrs", "clusterPodCidrs");
    static final Set<String> LISTEN = of("address", "port");
    static final Set<String> PEER = of("address", "interface", "asn", "kind", "localAddress", "port", "password", "passwordFile",
            "gtsm", "multihop", "timers", "families", "passive", "importPolicy", "exportPolicy", "maxPrefix",
            "routeReflectorClient", "nextHopSelf", "nextHop", "bfd");
    static final Set<String> DYNAMIC_PEER = of("range", "peerAs", "maxSessions", "kind", "password", "passwordFile",
            "gtsm", "multihop", "timers", "families", "importPolicy", "exportPolicy", "maxPrefix",
            "routeReflectorClient", "nextHopSelf");
    static final Set<String> GATEWAY_PEER = of("family", "asn", "localAddress", "port", "password", "passwordFile",
            "gtsm", "multihop", "timers", "families", "passive", "importPolicy", "exportPolicy", "maxPrefix",
            "nextHopSelf", "bfd");
    static final Set<String> NEXT_HOP = of("ipv4", "ipv6");
    static final Set<String> TIMERS = of("holdTime", "keepalive", "connectRetry");
    static final Set<String> BFD = of("enabled", "minTx", "minRx", "multiplier", "multihop");
    static final Set<String> MAX_PREFIX = of("limit", "warningPercent", "action", "restartAfter");
    static final Set<String> MESH = of("enabled", "peers");
    static final Set<String> POLICY = of("rules", "default");
    static final Set<String> RULE = of("name", "match", "actions", "then");
    static final Set<String> MATCH = of("prefixes", "communityAnyOf", "communityAllOf", "largeCommunityAnyOf",
            "largeCommunityAllOf", "asPathLength", "asPathContains", "originAs", "neighbor", "neighborAs");
    static final Set<String> ACTION = of("setLocalPref", "setMed", "addCommunity", "removeCommunity",
            "addLargeCommunity", "removeLargeCommunity", "prepend");
    static final Set<String> PREPEND = of("asn", "times");
    static final Set<String> ROLES = of("routeReflector", "clusterId", "transit");
    static final Set<String> FIB = of("table", "protocol", "ecmpWidth", "keepOnExit");
    static final Set<String> GRACEFUL_RESTART = of("enabled", "restartTime", "llgrStaleTime");
    static final Set<String> CNI = of("confDir", "bridgeName", "mtu");
    static final Set<String> METRICS = of("enabled", "address", "port");
    static final Set<String> LOGGING = of("format", "level");
    static final Set<String> AGGREGATE = of("prefix", "summaryOnly", "peers");
    static final Set<String> SERVICE = of("prefix", "name", "communities", "largeCommunities", "localPreference");
    static final Set<String> PROCESS = of("name", "run", "encoder", "ack", "respawn", "receive");
    static final Set<String> PROCESS_RECEIVE = of("parsed", "neighborChanges", "negotiated", "update");
}
