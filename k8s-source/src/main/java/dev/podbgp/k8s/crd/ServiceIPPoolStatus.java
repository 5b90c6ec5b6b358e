package dev.podbgp.k8s.crd;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * The status of {@link ServiceIPPool}. Counts beyond 2^63-1 (an IPv6 /64) are capped there.
 * Conditions: {@code Valid} (every cidr and range parsed), {@code Exhausted} (no address left while
 * a Service waits), {@code Conflict} (a Service asked for an address another one holds).
 */
public class ServiceIPPoolStatus {
    @JsonProperty("allocatedIPv4")
    public Long allocatedIPv4;
    @JsonProperty("availableIPv4")
    public Long availableIPv4;
    @JsonProperty("allocatedIPv6")
    public Long allocatedIPv6;
    @JsonProperty("availableIPv6")
    public Long availableIPv6;
    public List<Condition> conditions;
}
