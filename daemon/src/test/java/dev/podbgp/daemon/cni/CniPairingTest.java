package dev.podbgp.daemon.cni;

import static dev.podbgp.daemon.cni.TestNamespaces.in;
import static dev.podbgp.daemon.cni.TestNamespaces.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.inet.Prefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniPairingTest {
    private static final List<Prefix> NODE = List.of(Prefix.parse("10.240.2.0/24"));
    private static final List<Prefix> CLUSTER = List.of(Prefix.parse("10.240.0.0/16"));

    @TempDir
    Path tmp;

    @Test
    void apply_writesConflistWithUplinkMtuAndTable_secondApplyChangesNothing_cleanupRemovesBoth() throws Exception {
        try (TestNamespaces nss = new TestNamespaces()) {
            TargetNamespace.Named node = nss.add("node");
            TargetNamespace.Named tor = nss.add("tor");
            nss.veth(node, "up0", tor, "down0");
            sh("ip", "-n", node.name(), "link", "set", "up0", "mtu", "1450");
            CniPairing pairing = new CniPairing(node,
                    CniPairing.Settings.defaults().withConfDir(tmp).withUplink("up0"));

            assertThat(pairing.apply(NODE, CLUSTER)).isTrue();
            assertThat(pairing.apply(NODE, CLUSTER)).isFalse();

            assertThat(Files.readString(pairing.conflistFile())).contains("\"mtu\": 1450", "\"subnet\": \"10.240.2.0/24\"");
            assertThat(in(node, "nft", "list", "table", "inet", "podbgp").orThrow()).contains("masquerade");

            pairing.cleanup();
            assertThat(pairing.conflistFile()).doesNotExist();
            assertThat(in(node, "nft", "list", "table", "inet", "podbgp").ok()).isFalse();
        }
    }

    @Test
    void withoutADefaultRoute_theMtuIsThatOfTheDeviceReachingTheBgpPeers_andWithoutEitherStartIsRefusedClearly() throws Exception {
        try (TestNamespaces nss = new TestNamespaces()) {
            TargetNamespace.Named node = nss.add("node");
            TargetNamespace.Named tor = nss.add("tor");
            nss.veth(node, "up0", tor, "down0");
            sh("ip", "-n", node.name(), "link", "set", "up0", "mtu", "1420");
            sh("ip", "-n", node.name(), "addr", "add", "10.77.9.2/24", "dev", "up0");
            CniPairing.Settings noUplink = CniPairing.Settings.defaults().withConfDir(tmp);

            assertThat(new CniPairing(node, noUplink.withPeers(List.of("10.77.9.1"))).conflist(NODE).mtu()).isEqualTo(1420);
            // No default route and no route to the peer: nothing says which device is the uplink.
            assertThatThrownBy(
                    () -> new CniPairing(node, noUplink.withPeers(List.of("192.0.2.1"))).conflist(NODE))
                    .hasMessageContaining("no default route").hasMessageContaining("no route to a BGP peer");
        }
    }
}
