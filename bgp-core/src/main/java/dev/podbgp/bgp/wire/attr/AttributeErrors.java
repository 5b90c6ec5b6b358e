package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Malformation;

/** Builds the Malformed result of one attribute with the action its table row gives. */
final class AttributeErrors {
    private AttributeErrors() {}

    static <T> DecodeResult<T> malformed(AttributeType type, BgpError error, String reason) {
        return DecodeResult.malformed(new Malformation(error, type.onMalformed(), null, reason));
    }

    /** RFC 4271 §6.3: wrong length for a fixed-size attribute. */
    static <T> DecodeResult<T> badLength(AttributeType type, int length, String expected) {
        return malformed(type, BgpError.ATTRIBUTE_LENGTH_ERROR,
                type + " length " + length + ", expected " + expected);
    }
}
