package dev.podbgp.bgp.wire;

import java.util.List;

/**
 * The outcome of decoding bytes a peer sent.
 *
 * <ul>
 *   <li>{@link Ok}: a value, and the problems that were repaired on the way (RFC 7606
 *       attribute discard, or treat-as-withdraw with the UPDATE already turned into
 *       withdrawals). Usually {@code repaired} is empty.
 *   <li>{@link Malformed}: nothing usable; {@code problem} names the NOTIFICATION. At the
 *       message level its action is {@link ErrorAction#SESSION_RESET} or
 *       {@link ErrorAction#AFI_SAFI_DISABLE}; inside an UPDATE (one attribute) it can be any
 *       action, and the UPDATE decoder applies it.
 * </ul>
 */
public sealed interface DecodeResult<T> {

    record Ok<T>(T value, List<Malformation> repaired) implements DecodeResult<T> {
        public Ok {
            repaired = List.copyOf(repaired);
        }
    }

    record Malformed<T>(Malformation problem) implements DecodeResult<T> {}

    static <T> DecodeResult<T> ok(T value) {
        return new Ok<>(value, List.of());
    }

    static <T> DecodeResult<T> ok(T value, List<Malformation> repaired) {
        return new Ok<>(value, repaired);
    }

    static <T> DecodeResult<T> malformed(Malformation problem) {
        return new Malformed<>(problem);
    }

    static <T> DecodeResult<T> malformed(BgpError error, ErrorAction action, byte[] data, String reason) {
        return new Malformed<>(new Malformation(error, action, data, reason));
    }

    /** The value, or a failed assertion: for tests and callers that already checked. */
    default T orThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Malformed<T> m -> throw new IllegalStateException("malformed: " + m.problem());
        };
    }

    default boolean isOk() {
        return this instanceof Ok;
    }
}
