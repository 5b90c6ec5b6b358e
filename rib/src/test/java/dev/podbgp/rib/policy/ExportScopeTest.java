package dev.podbgp.rib.policy;

import static dev.podbgp.rib.policy.ExportScope.mayExport;
import static dev.podbgp.rib.policy.PeerKind.EXTERNAL;
import static dev.podbgp.rib.policy.PeerKind.LOCAL;
import static dev.podbgp.rib.policy.PeerKind.MESH;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportScopeTest {

    private static final RoleConfig REFLECTOR = new RoleConfig(true, false);
    private static final RoleConfig TRANSIT = new RoleConfig(false, true);

    @Test
    void safeDefault_routesFromOneExternalPeerAreNotSentToAnother() {
        assertThat(mayExport(EXTERNAL, EXTERNAL, RoleConfig.POD_CIDR_ONLY)).isFalse();
    }

    @Test
    void safeDefault_reflectorOrTransitRoleLetsExternalRoutesThrough() {
        assertThat(mayExport(EXTERNAL, EXTERNAL, REFLECTOR)).isTrue();
        assertThat(mayExport(EXTERNAL, EXTERNAL, TRANSIT)).isTrue();
    }

    @Test
    void rfc4271_s9_2_ibgpLearnedRoutesAreNotPassedToOtherIbgpPeers() {
        assertThat(mayExport(MESH, MESH, RoleConfig.POD_CIDR_ONLY)).isFalse();
        assertThat(mayExport(MESH, MESH, TRANSIT)).as("transit is about external peers").isFalse();
    }

    @Test
    void rfc4456_aReflectorPassesMeshRoutesToTheMesh() {
        assertThat(mayExport(MESH, MESH, REFLECTOR)).isTrue();
    }

    @Test
    void ownPodCidrsGoToEveryPeer() {
        for (PeerKind to : PeerKind.values()) {
            assertThat(mayExport(LOCAL, to, RoleConfig.POD_CIDR_ONLY)).as("to " + to).isTrue();
        }
    }

    @Test
    void routesCrossBetweenMeshAndExternalPeers() {
        assertThat(mayExport(MESH, EXTERNAL, RoleConfig.POD_CIDR_ONLY)).isTrue();
        assertThat(mayExport(EXTERNAL, MESH, RoleConfig.POD_CIDR_ONLY)).isTrue();
    }
}
