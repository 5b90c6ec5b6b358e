package dev.podbgp.bgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.capability.AddPath;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.ExtendedMessage;
import dev.podbgp.bgp.wire.capability.ExtendedNextHop;
import dev.podbgp.bgp.wire.capability.FourOctetAs;
import dev.podbgp.inet.Ipv4Address;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilityNegotiationTest {

    static Open open(int holdTime, Capability... caps) {
        return Open.of(65001, holdTime, Ipv4Address.parse("10.0.0.1"), List.of(caps));
    }

    static AddPath addPath(Family f, int sendReceive) {
        return new AddPath(List.of(new AddPath.Entry(f, sendReceive)));
    }

    @Test
    void nothingAdvertisedIsPlainRfc4271() {
        assertThat(CapabilityNegotiation.negotiate(open(90), open(90))).isEqualTo(SessionCapabilities.RFC4271);
    }

    @Test
    void rfc6793_s4_fourOctetAsOnlyWhenBothSendIt() {
        FourOctetAs as4 = new FourOctetAs(65001);
        assertThat(CapabilityNegotiation.negotiate(open(90, as4), open(90, as4)).fourOctetAs()).isTrue();
        assertThat(CapabilityNegotiation.negotiate(open(90, as4), open(90)).fourOctetAs()).isFalse();
        assertThat(CapabilityNegotiation.negotiate(open(90), open(90, as4)).fourOctetAs()).isFalse();
    }

    @Test
    void rfc8654_s3_extendedMessageOnlyWhenBothSendIt() {
        assertThat(CapabilityNegotiation.negotiate(open(90, ExtendedMessage.INSTANCE), open(90, ExtendedMessage.INSTANCE))
                .maxMessageSize()).isEqualTo(65535);
        assertThat(CapabilityNegotiation.negotiate(open(90, ExtendedMessage.INSTANCE), open(90)).maxMessageSize())
                .isEqualTo(4096);
    }

    @Test
    void rfc7911_s4_weReceiveWhenWeSaidReceiveAndTheySaidSend() {
        var caps = CapabilityNegotiation.negotiate(open(90, addPath(Family.IPV4_UNICAST, AddPath.RECEIVE)),
                open(90, addPath(Family.IPV4_UNICAST, AddPath.SEND)));
        assertThat(caps.addPathReceive()).containsExactly(Family.IPV4_UNICAST);
        assertThat(caps.addPathSend()).isEmpty();
    }

    @Test
    void rfc7911_s4_weSendWhenWeSaidSendAndTheySaidReceive() {
        var caps = CapabilityNegotiation.negotiate(open(90, addPath(Family.IPV6_UNICAST, AddPath.BOTH)),
                open(90, addPath(Family.IPV6_UNICAST, AddPath.RECEIVE)));
        assertThat(caps.addPathSend()).containsExactly(Family.IPV6_UNICAST);
        assertThat(caps.addPathReceive()).isEmpty();
    }

    @Test
    void rfc7911_s4_bothWaysWhenBothSaidBoth() {
        var caps = CapabilityNegotiation.negotiate(open(90, addPath(Family.IPV4_UNICAST, AddPath.BOTH)),
                open(90, addPath(Family.IPV4_UNICAST, AddPath.BOTH)));
        assertThat(caps.receivesPathIds(Family.IPV4_UNICAST)).isTrue();
        assertThat(caps.sendsPathIds(Family.IPV4_UNICAST)).isTrue();
    }

    @Test
    void rfc7911_s4_sameDirectionOnBothSidesNegotiatesNothing() {
        var caps = CapabilityNegotiation.negotiate(open(90, addPath(Family.IPV4_UNICAST, AddPath.SEND)),
                open(90, addPath(Family.IPV4_UNICAST, AddPath.SEND)));
        assertThat(caps.addPathSend()).isEmpty();
        assertThat(caps.addPathReceive()).isEmpty();
    }

    @Test
    void rfc7911_s4_otherFamilyNegotiatesNothing() {
        var caps = CapabilityNegotiation.negotiate(open(90, addPath(Family.IPV4_UNICAST, AddPath.BOTH)),
                open(90, addPath(Family.IPV6_UNICAST, AddPath.BOTH)));
        assertThat(caps.addPathSend()).isEmpty();
        assertThat(caps.addPathReceive()).isEmpty();
    }

    @Test
    void rfc7911_s4_capabilityWithValueOutsideOneToThreeIsIgnored() {
        AddPath bad = new AddPath(List.of(new AddPath.Entry(Family.IPV4_UNICAST, AddPath.BOTH),
                new AddPath.Entry(Family.IPV6_UNICAST, 7)));
        var caps = CapabilityNegotiation.negotiate(open(90, addPath(Family.IPV4_UNICAST, AddPath.BOTH)), open(90, bad));
        assertThat(caps.addPathSend()).isEmpty();
        assertThat(caps.addPathReceive()).isEmpty();
    }

    @Test
    void rfc8950_s3_extendedNextHopForFamiliesBothAdvertised() {
        var v4 = ExtendedNextHop.Entry.of(Family.IPV4_UNICAST, Family.AFI_IPV6);
        var v4multicast = ExtendedNextHop.Entry.of(Family.of(1, 2), Family.AFI_IPV6);
        var caps = CapabilityNegotiation.negotiate(open(90, new ExtendedNextHop(List.of(v4, v4multicast))),
                open(90, new ExtendedNextHop(List.of(v4))));
        assertThat(caps.extendedNextHop()).containsExactly(Family.IPV4_UNICAST);
        assertThat(CapabilityNegotiation.negotiate(open(90, new ExtendedNextHop(List.of(v4))), open(90))
                .extendedNextHop()).isEmpty();
        // An IPv4 next hop for IPv4 NLRI is no extension: only next hop AFI 2 makes 16/32 octets valid.
        var v4OverV4 = new ExtendedNextHop.Entry(1, 1, 1);
        assertThat(CapabilityNegotiation.negotiate(open(90, new ExtendedNextHop(List.of(v4OverV4))),
                open(90, new ExtendedNextHop(List.of(v4OverV4)))).extendedNextHop()).isEmpty();
    }

    @Test
    void rfc4271_s4_2_holdTimeIsTheSmallerAndZeroIsAllowed() {
        assertThat(CapabilityNegotiation.holdTime(open(90), open(180))).isEqualTo(90);
        assertThat(CapabilityNegotiation.holdTime(open(240), open(3))).isEqualTo(3);
        assertThat(CapabilityNegotiation.holdTime(open(90), open(0))).isZero();
    }
}
