package dev.podbgp.bench;

import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.Ipv4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * What both sides of the session-scale benchmark agree on: how many peers, their timers, and
 * the loopback addresses of peer {@code i}. Linux makes all of 127.0.0.0/8 local on {@code lo},
 * so every address here can be bound and connected to without configuration.
 *
 * <p>A speaker keys its peers by the remote address, on both sides. The target sees load peer
 * {@code i} come from {@link #loadAddress} (127.0.x.y); the load needs a distinct remote address
 * per peer too, so load peer {@code i} dials {@link #targetAddress} (127.1.x.y), all of them
 * reaching the target's one wildcard listener. That listener lives in a network namespace the
 * benchmark creates, so nothing outside it can reach the port.
 */
record ScalePlan(int peers, int holdTime) {

    static final long TARGET_AS = 65000;
    static final long LOAD_AS = 65001;
    static final Ipv4Address TARGET_ID = Ipv4Address.of(10, 255, 0, 1);
    static final Ipv4Address LOAD_ID = Ipv4Address.of(10, 255, 0, 2);
    /** Host octets 1..250 keep clear of .0 and .255 in every /24. */
    private static final int PER_BLOCK = 250;

    ScalePlan {
        if (peers < 1 || peers > PER_BLOCK * PER_BLOCK) {
            throw new IllegalArgumentException("peers must be 1.." + PER_BLOCK * PER_BLOCK);
        }
    }

    /** The source address of load peer {@code i}: 127.0.(1 + i / 250).(1 + i % 250). */
    InetAddress loadAddress(int i) {
        return loopback(0, i);
    }

    /** Where load peer {@code i} connects: 127.1.(1 + i / 250).(1 + i % 250), the target's wildcard listener. */
    InetAddress targetAddress(int i) {
        return loopback(1, i);
    }

    private static InetAddress loopback(int second, int i) {
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) second, (byte) (1 + i / PER_BLOCK), (byte) (1 + i % PER_BLOCK)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only thrown for a wrong array length
        }
    }

    /** The target never dials: it measures accepting and running sessions, the daemon's side of a fabric. */
    SessionConfig targetSession() {
        return SessionConfig.of(TARGET_AS, LOAD_AS, TARGET_ID, Set.of(Family.IPV4_UNICAST))
                .withHoldTime(holdTime, Math.max(1, holdTime / 3)).withPassive(true);
    }

    SessionConfig loadSession() {
        return SessionConfig.of(LOAD_AS, TARGET_AS, LOAD_ID, Set.of(Family.IPV4_UNICAST))
                .withHoldTime(holdTime, Math.max(1, holdTime / 3));
    }
}
