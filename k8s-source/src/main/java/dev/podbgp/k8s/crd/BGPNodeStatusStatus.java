package dev.podbgp.k8s.crd;

import java.util.List;

/** The status of {@link BGPNodeStatus}. */
public class BGPNodeStatusStatus {
    public List<SessionStatus> sessions;
    public List<String> advertisedPrefixes;
    public Boolean routesProgrammed;
    public String lastError;
}
