package dev.podbgp.bfd.wire;

import java.util.Optional;

/**
 * Encodes and decodes BFD Control packets (RFC 5880 §4.1), the optional authentication section
 * included (§4.2–§4.4).
 *
 * <pre>
 *  byte 0: Vers (3 bits) | Diag (5)        byte 1: Sta (2) | P | F | C | A | D | M
 *  byte 2: Detect Mult                     byte 3: Length
 *  4-7 My Discriminator, 8-11 Your Discriminator, 12-15 Desired Min TX Interval,
 *  16-19 Required Min RX Interval, 20-23 Required Min Echo RX Interval, then the auth section
 * </pre>
 *
 * <p>Decoding applies, in the order §6.8.6 lists them, the reception checks that need only the
 * bytes, and the Auth Len checks of §6.7.2–§6.7.4. Bytes after Length are ignored: the
 * encapsulation may pad. Nothing here throws for what a peer sent.
 */
public final class ControlPacketCodec {

    static final int POLL = 0x20;
    static final int FINAL = 0x10;
    static final int CONTROL_PLANE_INDEPENDENT = 0x08;
    static final int AUTH_PRESENT = 0x04;
    static final int DEMAND = 0x02;
    static final int MULTIPOINT = 0x01;

    /** Version and Diag, flags, Detect Mult, Length: what must be there to check anything. */
    private static final int FIXED_HEADER = 4;
    /** §4.2: Auth Type, Auth Len, Auth Key ID, then the password. */
    private static final int PASSWORD_HEADER = 3;

    private ControlPacketCodec() {}

    public static byte[] encode(ControlPacket packet) {
        byte[] out = new byte[packet.length()];
        out[0] = (byte) (ControlPacket.VERSION << 5 | packet.diag());
        out[1] = (byte) (packet.state().code() << 6
                | (packet.poll() ? POLL : 0)
                | (packet.fin() ? FINAL : 0)
                | (packet.controlPlaneIndependent() ? CONTROL_PLANE_INDEPENDENT : 0)
                | (packet.authenticated() ? AUTH_PRESENT : 0)
                | (packet.demand() ? DEMAND : 0));
        out[2] = (byte) packet.detectMult();
        out[3] = (byte) packet.length();
        putInt(out, 4, packet.myDiscriminator());
        putInt(out, 8, packet.yourDiscriminator());
        putInt(out, 12, (int) packet.desiredMinTxMicros());
        putInt(out, 16, (int) packet.requiredMinRxMicros());
        putInt(out, 20, (int) packet.requiredMinEchoRxMicros());
        packet.auth().ifPresent(section -> encodeAuth(section, out, ControlPacket.MANDATORY_LENGTH));
        return out;
    }

    private static void encodeAuth(AuthSection section, byte[] out, int at) {
        out[at] = (byte) section.type().code();
        out[at + 1] = (byte) section.length();
        out[at + 2] = (byte) section.keyId();
        switch (section) {
            case AuthSection.Password p -> p.password().copyTo(out, at + PASSWORD_HEADER);
            case AuthSection.Digest d -> {
                // at + 3 is Reserved: zero on transmit (§4.3, §4.4).
                putInt(out, at + 4, d.sequence());
                d.digest().copyTo(out, at + AuthSection.Digest.HEADER);
            }
        }
    }

    public static DecodeResult decode(byte[] payload) {
        return decode(payload, 0, payload.length);
    }

    /** Decodes the Control packet at the start of {@code available} bytes of a datagram's payload. */
    public static DecodeResult decode(byte[] b, int offset, int available) {
        if (available < FIXED_HEADER) {
            return discard(DiscardReason.TRUNCATED, available + " bytes");
        }
        int version = u8(b, offset) >>> 5;
        if (version != ControlPacket.VERSION) {
            return discard(DiscardReason.BAD_VERSION, "version " + version);
        }
        int flags = u8(b, offset + 1);
        boolean authPresent = (flags & AUTH_PRESENT) != 0;
        int length = u8(b, offset + 3);
        int minimum = authPresent ? ControlPacket.MIN_AUTHENTICATED_LENGTH : ControlPacket.MANDATORY_LENGTH;
        if (length < minimum) {
            return discard(DiscardReason.LENGTH_BELOW_MINIMUM, "Length " + length + (authPresent ? " with A set" : ""));
        }
        if (length > available) {
            return discard(DiscardReason.LENGTH_EXCEEDS_PAYLOAD, "Length " + length + " in a payload of " + available);
        }
        int detectMult = u8(b, offset + 2);
        if (detectMult == 0) {
            return discard(DiscardReason.ZERO_DETECT_MULT, "Detect Mult 0");
        }
        if ((flags & MULTIPOINT) != 0) {
            return discard(DiscardReason.MULTIPOINT, "M bit set");
        }
        int my = s32(b, offset + 4);
        if (my == 0) {
            return discard(DiscardReason.ZERO_MY_DISCRIMINATOR, "My Discriminator 0");
        }
        int your = s32(b, offset + 8);
        BfdState state = BfdState.ofCode(flags >>> 6);
        if (your == 0 && state != BfdState.DOWN && state != BfdState.ADMIN_DOWN) {
            return discard(DiscardReason.ZERO_YOUR_DISCRIMINATOR, "Your Discriminator 0 in state " + state);
        }
        Optional<AuthSection> auth = Optional.empty();
        if (authPresent) {
            int at = offset + ControlPacket.MANDATORY_LENGTH;
            DecodedAuth section = decodeAuth(b, at, length - ControlPacket.MANDATORY_LENGTH);
            if (section.refused() != null) {
                return section.refused();
            }
            auth = Optional.of(section.section());
        }
        ControlPacket packet = new ControlPacket(u8(b, offset) & 0x1f, state,
                (flags & POLL) != 0, (flags & FINAL) != 0, (flags & CONTROL_PLANE_INDEPENDENT) != 0, (flags & DEMAND) != 0,
                detectMult, my, your, u32(b, offset + 12), u32(b, offset + 16), u32(b, offset + 20), auth);
        return new DecodeResult.Decoded(packet, Octets.of(b, offset, length));
    }

    /** Exactly one of the two is set. */
    private record DecodedAuth(AuthSection section, Discarded refused) {}

    /** §4.2–§4.4; {@code room} is what Length leaves after the mandatory section (at least 2). */
    private static DecodedAuth decodeAuth(byte[] b, int at, int room) {
        int code = u8(b, at);
        int authLen = u8(b, at + 1);
        if (authLen > room) {
            return refuse(DiscardReason.AUTH_SECTION_TRUNCATED, "Auth Len " + authLen + " with " + room + " bytes left");
        }
        Optional<AuthType> known = AuthType.ofCode(code);
        if (known.isEmpty()) {
            return refuse(DiscardReason.UNKNOWN_AUTH_TYPE, "Auth Type " + code);
        }
        AuthType type = known.get();
        if (type == AuthType.SIMPLE_PASSWORD) {
            int password = authLen - PASSWORD_HEADER;
            if (password < AuthSection.Password.MIN_PASSWORD || password > AuthSection.Password.MAX_PASSWORD) {
                return refuse(DiscardReason.BAD_AUTH_LENGTH, "Auth Len " + authLen + " for " + type);
            }
            return new DecodedAuth(new AuthSection.Password(u8(b, at + 2), Octets.of(b, at + PASSWORD_HEADER, password)), null);
        }
        if (authLen != AuthSection.Digest.HEADER + type.digestLength()) {
            return refuse(DiscardReason.BAD_AUTH_LENGTH, "Auth Len " + authLen + " for " + type);
        }
        Octets digest = Octets.of(b, at + AuthSection.Digest.HEADER, type.digestLength());
        return new DecodedAuth(new AuthSection.Digest(type, u8(b, at + 2), s32(b, at + 4), digest), null);
    }

    private static DecodedAuth refuse(DiscardReason reason, String detail) {
        return new DecodedAuth(null, new Discarded(reason, detail));
    }

    private static Discarded discard(DiscardReason reason, String detail) {
        return new Discarded(reason, detail);
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    private static int s32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return Integer.toUnsignedLong(s32(b, at));
    }

    private static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }
}
