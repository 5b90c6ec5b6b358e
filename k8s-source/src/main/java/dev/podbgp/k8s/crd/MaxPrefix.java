package dev.podbgp.k8s.crd;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Max-prefix of a BGPPeer; absent means the external default (20000, restart after 5 minutes). */
public class MaxPrefix {
    /** 32 bits in the Cease data (RFC 4486 §4). */
    @Required
    @Min(1)
    @Max(4294967295.0)
    public Long limit;

    @Min(1)
    @Max(100)
    public Integer warningPercent;

    /** Seconds before the session is retried; absent or 0: only by hand. */
    @Min(0)
    public Integer restartAfterSeconds;
}
