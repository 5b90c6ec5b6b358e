package dev.podbgp.bfd.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a valid packet holds comes back from its bytes unchanged; random bytes never throw. */
class ControlPacketCodecProperties {

    @Property
    void encodeThenDecodeIsIdentity(@ForAll("packets") ControlPacket packet) {
        byte[] wire = ControlPacketCodec.encode(packet);
        assertThat(wire).hasSize(packet.length());
        DecodeResult r = ControlPacketCodec.decode(wire);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(r.orThrow()).isEqualTo(packet);
    }

    @Property
    void decodeNeverThrows(@ForAll byte[] payload) {
        assertThat(ControlPacketCodec.decode(payload)).isNotNull();
    }

    @Provide
    Arbitrary<ControlPacket> packets() {
        Arbitrary<Long> micros = Arbitraries.longs().between(0, ControlPacket.MAX_INTERVAL_MICROS);
        Arbitrary<Optional<AuthSection>> auth = Arbitraries.oneOf(
                Arbitraries.just(Optional.empty()),
                Combinators.combine(Arbitraries.of(AuthType.KEYED_SHA1, AuthType.METICULOUS_KEYED_SHA1, AuthType.KEYED_MD5),
                                Arbitraries.integers().between(0, 255), Arbitraries.integers())
                        .as((type, key, seq) -> Optional.of(new AuthSection.Digest(type, key, seq, Octets.zeros(type.digestLength())))));
        Arbitrary<BfdState> state = Arbitraries.of(BfdState.class);
        Arbitrary<Integer> nonZero = Arbitraries.integers().filter(i -> i != 0);
        return Combinators.combine(
                        Arbitraries.integers().between(0, 31), state, Arbitraries.integers().between(0, 15),
                        Arbitraries.integers().between(1, 255), nonZero, nonZero, micros, micros)
                .as((diag, st, flags, mult, my, your, tx, rx) -> new ControlPacket(diag, st,
                        (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0, mult, my, your, tx, rx, 0,
                        Optional.empty()))
                .flatMap(p -> auth.map(a -> a.map(p::withAuth).orElse(p)));
    }
}
