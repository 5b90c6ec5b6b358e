package dev.podbgp.k8s.crd;

/**
 * Regular expressions for the CRD schema. They catch typos at {@code kubectl apply}; they are
 * deliberately loose (an IPv6 address is only "hex digits, colons, dots"), and the mapping
 * parses every value again, so what slips through is refused there with an Event.
 */
final class Patterns {
    static final String ADDRESS = "^([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)$";
    static final String PREFIX = "^([0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*/[0-9]{1,3})$";
    static final String RANGE = "^([0-9]{1,3}(\\.[0-9]{1,3}){3} *- *[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]* *- *[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)$";
    static final String COMMUNITY = "^[0-9]{1,5}:[0-9]{1,5}$";
    static final String LARGE_COMMUNITY = "^[0-9]{1,10}:[0-9]{1,10}:[0-9]{1,10}$";
    static final String FAMILY = "^(ipv4 unicast|ipv6 unicast)$";
    /** A load-balancer class is a label-style key with a domain prefix (the API server insists on one). */
    static final String CLASS_NAME = "^[a-z0-9]([a-z0-9.-]*[a-z0-9])?/[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$";
    static final String NAME = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$";

    private Patterns() {
    }
}
