package dev.podbgp.bfd.session;

import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.ControlPacketCodec;
import dev.podbgp.bfd.wire.DecodeResult;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.bfd.wire.Octets;
import dev.podbgp.inet.IpAddress;
import java.time.Duration;
import java.util.Objects;

/** What happens to a session, fed to {@link BfdSession#handle}. */
public sealed interface SessionEvent {

    /**
     * A Control packet that passed the decoder, demultiplexed to this session by Your
     * Discriminator, or by address when that is zero.
     *
     * @param wire   the packet's Length bytes as received, for authentication (§6.7.4)
     * @param source the packet's source address
     */
    record PacketReceived(ControlPacket packet, Octets wire, IpAddress source) implements SessionEvent {
        public PacketReceived {
            Objects.requireNonNull(packet, "packet");
            Objects.requireNonNull(wire, "wire");
            Objects.requireNonNull(source, "source");
        }

        public static PacketReceived of(DecodeResult.Decoded decoded, IpAddress source) {
            return new PacketReceived(decoded.packet(), decoded.wire(), source);
        }

        /** For a packet held as a value: its bytes are its encoding. */
        public static PacketReceived of(ControlPacket packet, IpAddress source) {
            return new PacketReceived(packet, Octets.of(ControlPacketCodec.encode(packet)), source);
        }
    }

    /** A timer scheduled by {@link SessionOrder.StartTimer} fired. */
    record TimerExpired(TimerKind timer) implements SessionEvent {
        public TimerExpired {
            Objects.requireNonNull(timer, "timer");
        }
    }

    /** RFC 5880 §6.8.16, enabling: AdminDown to Down, and the session starts sending. */
    record AdminUp() implements SessionEvent {}

    /**
     * RFC 5880 §6.8.16, disabling: to AdminDown with this diagnostic. Packets keep going out, slowly,
     * so the peer learns it and stays Down; a session never enabled starts sending them.
     */
    record AdminDown(Diagnostic diagnostic) implements SessionEvent {
        public AdminDown {
            Objects.requireNonNull(diagnostic, "diagnostic");
        }

        /** The operator's choice: Administratively Down. */
        public static AdminDown byOperator() {
            return new AdminDown(Diagnostic.ADMINISTRATIVELY_DOWN);
        }

        /** §6.8.16: something outside BFD says the underlying path failed. */
        public static AdminDown pathDown() {
            return new AdminDown(Diagnostic.PATH_DOWN);
        }
    }

    /**
     * New bfd.DesiredMinTxInterval, bfd.RequiredMinRxInterval and bfd.DetectMult. Interval changes
     * go to the peer in a Poll Sequence (§6.8.3).
     */
    record ParametersChanged(Duration desiredMinTx, Duration requiredMinRx, int detectMult) implements SessionEvent {
        public ParametersChanged {
            SessionConfig.checkTimers(desiredMinTx, requiredMinRx, detectMult);
        }
    }
}
