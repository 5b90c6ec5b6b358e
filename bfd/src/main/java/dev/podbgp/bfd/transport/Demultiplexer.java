package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.ControlPacketCodec;
import dev.podbgp.bfd.wire.DecodeResult;
import dev.podbgp.bfd.wire.Discarded;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.log.EventLog;
import java.util.HashMap;
import java.util.Map;

/**
 * Which session a received datagram is for (RFC 5880 §6.3): by Your Discriminator when the peer
 * knows ours, else by the addressing, source address plus the socket it came in on (local
 * address, interface, hop mode; RFC 5881 §3, RFC 5883 §4). What selects no session is counted and
 * dropped here. Event-loop confined.
 */
final class Demultiplexer {
    private static final EventLog LOG = EventLog.named("podbgp.bfd");


    private final Map<Integer, SessionDriver> byDiscriminator = new HashMap<>();
    private final Map<PeerKey, SessionDriver> byAddress = new HashMap<>();
    private final TransportStats stats;

    Demultiplexer(TransportStats stats) {
        this.stats = stats;
    }

    boolean addressTaken(PeerKey key) {
        return byAddress.containsKey(key);
    }

    void add(SessionDriver driver) {
        byDiscriminator.put(driver.handle().localDiscriminator(), driver);
        byAddress.put(driver.peerKey(), driver);
    }

    /** A session being removed is found by its discriminator only; a new one to the same peer may come. */
    void forgetAddress(SessionDriver driver) {
        byAddress.remove(driver.peerKey(), driver);
    }

    void remove(SessionDriver driver) {
        byDiscriminator.remove(driver.handle().localDiscriminator(), driver);
        forgetAddress(driver);
    }

    /** One datagram's payload from {@code source}, received on the socket of {@code on}. */
    void deliver(ReceiveKey on, byte[] payload, IpAddress source) {
        switch (ControlPacketCodec.decode(payload)) {
            case Discarded refused -> {
                stats.malformed();
                LOG.debug("packet-malformed").with("from", source).with("on", on).with("reason", refused).log();
            }
            case DecodeResult.Decoded decoded -> {
                SessionDriver driver = select(on, decoded.packet(), source);
                if (driver != null) {
                    driver.received(decoded, source);
                }
            }
        }
    }

    private SessionDriver select(ReceiveKey on, ControlPacket packet, IpAddress source) {
        int your = packet.yourDiscriminator();
        if (your != 0) {
            SessionDriver driver = byDiscriminator.get(your);
            // Only sessions of the socket the packet came in on: a multihop socket's weaker TTL rule
            // must never feed a single-hop session, nor one interface's socket another's session.
            if (driver != null && driver.receiveKey().equals(on)) {
                return driver;
            }
            stats.unknownDiscriminator();
            LOG.debug("packet-unknown-discriminator").with("from", source).with("on", on)
                    .with("your", Integer.toUnsignedString(your)).log();
            return null;
        }
        SessionDriver driver = byAddress.get(new PeerKey(source, on));
        if (driver == null) {
            stats.unknownSource();
            LOG.debug("packet-unknown-source").with("from", source).with("on", on).log();
        }
        return driver;
    }
}
