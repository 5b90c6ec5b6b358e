package dev.podbgp.daemon.cni;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which answers of {@code ip -j route get} (iproute2 6.1's format) mean "directly connected on this link". */
class DirectlyConnectedTest {

    @Test
    void aRouteWithADeviceAndNoGateway_isOnThatLink() {
        assertThat(DirectlyConnected.onLink("""
                [{"dst":"10.77.1.1","dev":"eth0","prefsrc":"10.77.1.2","flags":[],"uid":0,"cache":[]}]"""))
                .contains("eth0");
    }

    @Test
    void aRouteThroughAGateway_aMultipathRoute_loopbackOrNothing_isNot() {
        assertThat(DirectlyConnected.onLink("""
                [{"dst":"192.0.2.9","gateway":"10.77.1.1","dev":"eth0","prefsrc":"10.77.1.2","flags":[],"uid":0}]""")).isEmpty();
        assertThat(DirectlyConnected.onLink("""
                [{"dst":"192.0.2.9","nexthops":[{"gateway":"10.77.1.1","dev":"eth0"},{"gateway":"10.77.2.1","dev":"eth1"}]}]"""))
                .isEmpty();
        assertThat(DirectlyConnected.onLink("""
                [{"type":"local","dst":"10.77.1.2","dev":"lo","prefsrc":"10.77.1.2","flags":[],"uid":0}]""")).isEmpty();
        assertThat(DirectlyConnected.onLink("")).isEmpty();
    }
}
