package dev.podbgp.k8s.ipam;

/** Addresses of one pool, per family; counts beyond {@link Long#MAX_VALUE} (an IPv6 /64) are capped there. */
public record PoolUsage(long allocatedIpv4, long availableIpv4, long allocatedIpv6, long availableIpv6) {
    public boolean exhausted() {
        return availableIpv4 == 0 && availableIpv6 == 0;
    }
}
