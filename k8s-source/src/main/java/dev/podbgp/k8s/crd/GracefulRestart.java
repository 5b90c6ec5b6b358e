package dev.podbgp.k8s.crd;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Graceful-restart defaults (RFC 4724, long-lived: RFC 9494). */
public class GracefulRestart {
    public Boolean enabled;

    /** 12 bits in the capability (RFC 4724 §3). */
    @Min(0)
    @Max(4095)
    public Integer restartTimeSeconds;

    /** 24 bits in the LLGR capability (RFC 9494 §2); 0 turns LLGR off. */
    @Min(0)
    @Max(16777215)
    public Integer llgrStaleTimeSeconds;
}
