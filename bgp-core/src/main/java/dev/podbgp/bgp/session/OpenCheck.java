package dev.podbgp.bgp.session;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.Multiprotocol;
import dev.podbgp.bgp.wire.message.Open;
import java.util.List;
import java.util.Optional;

/**
 * Whether a peer's OPEN is acceptable to this session: the RFC 4271 §6.2 checks that need
 * the configuration, in the order §6.2 lists them, then RFC 5492 §5 required capabilities.
 * The decoder already refused what the bytes alone show wrong; checks it also does are
 * repeated here because an {@link Open} can be built without decoding.
 */
final class OpenCheck {

    /** RFC 4271 §6.2: Unsupported Version Number carries the largest version we support, 2 octets. */
    private static final byte[] SUPPORTED_VERSION = {0, Open.VERSION};

    private OpenCheck() {}

    static Optional<Malformation> check(SessionConfig config, Open peer) {
        if (peer.version() != Open.VERSION) {
            return fail(BgpError.UNSUPPORTED_VERSION_NUMBER, SUPPORTED_VERSION, "BGP version " + peer.version());
        }
        long asn = peer.asn();
        // RFC 7607 §2: AS 0 in the OPEN (either field) is Bad Peer AS.
        if (asn == 0 || peer.myAs() == 0) {
            return fail(BgpError.BAD_PEER_AS, "AS 0 in OPEN (RFC 7607 §2)");
        }
        if (!config.acceptedPeerAs().accepts(asn, config.localAs())) {
            return fail(BgpError.BAD_PEER_AS, "peer announced AS " + asn + ", configured " + config.acceptedPeerAs());
        }
        if (peer.holdTime() == 1 || peer.holdTime() == 2) {
            return fail(BgpError.UNACCEPTABLE_HOLD_TIME, "hold time " + peer.holdTime() + " s (RFC 4271 §6.2: 0 or at least 3)");
        }
        if (peer.bgpIdentifier().bits() == 0) {
            return fail(BgpError.BAD_BGP_IDENTIFIER, "BGP identifier 0 (RFC 6286 §2.2)");
        }
        // RFC 6286 §2.2: only an internal peer may not share our identifier.
        // The OPEN's AS, not the configured one: a dynamic neighbour's rule may admit both kinds.
        if (asn == config.localAs() && peer.bgpIdentifier().equals(config.localId())) {
            return fail(BgpError.BAD_BGP_IDENTIFIER, "internal peer uses our BGP identifier " + config.localId());
        }
        if (!peer.otherParameters().isEmpty()) {
            return fail(BgpError.UNSUPPORTED_OPTIONAL_PARAMETER,
                    "optional parameter type " + peer.otherParameters().getFirst().type() + " (RFC 4271 §6.2)");
        }
        List<Capability> missing = config.required().stream().filter(c -> !offers(peer, c)).toList();
        if (!missing.isEmpty()) {
            return fail(BgpError.UNSUPPORTED_CAPABILITY, encode(missing), "peer lacks required capabilities " + missing);
        }
        return Optional.empty();
    }

    private static boolean offers(Open peer, Capability required) {
        return required instanceof Multiprotocol ? peer.capabilities().contains(required) : peer.has(required.code());
    }

    /** RFC 5492 §5: the data is the list of capabilities that caused the error, as TLVs. */
    private static byte[] encode(List<Capability> capabilities) {
        int length = capabilities.stream().mapToInt(Capability::encodedLength).sum();
        WireWriter out = new WireWriter(length);
        capabilities.forEach(c -> c.writeTo(out));
        return out.toByteArray();
    }

    private static Optional<Malformation> fail(BgpError error, String reason) {
        return fail(error, new byte[0], reason);
    }

    private static Optional<Malformation> fail(BgpError error, byte[] data, String reason) {
        return Optional.of(Malformation.sessionReset(error, data, reason));
    }
}
