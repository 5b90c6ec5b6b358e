package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.WireWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The FQDN ("hostname") capability of draft-walton-bgp-hostname-capability, code 73: a
 * length-prefixed host name then a length-prefixed domain name. FRR sends it by default.
 */
public record Fqdn(String hostname, String domainName) implements Capability {

    public Fqdn {
        if (2 + utf8(hostname).length + utf8(domainName).length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("host and domain name do not fit one capability");
        }
    }

    /**
     * The names' structure is checked; names that are not UTF-8 are not worth a session reset
     * for an informational capability, so they come back as an {@link UnknownCapability}.
     */
    static DecodeResult<Capability> decode(byte[] buf, int off, int len) {
        if (len < 1) {
            return Capability.malformed(FQDN, len, "no host name length");
        }
        int hostLen = Bytes.u8(buf, off);
        if (1 + hostLen + 1 > len) {
            return Capability.malformed(FQDN, len, "host name of " + hostLen + " octets overruns the value");
        }
        int domainLen = Bytes.u8(buf, off + 1 + hostLen);
        if (1 + hostLen + 1 + domainLen != len) {
            return Capability.malformed(FQDN, len, "domain name of " + domainLen + " octets does not end the value");
        }
        String host = strictUtf8(buf, off + 1, hostLen);
        String domain = strictUtf8(buf, off + 2 + hostLen, domainLen);
        if (host == null || domain == null) {
            return DecodeResult.ok(UnknownCapability.of(FQDN, buf, off, len));
        }
        return DecodeResult.ok(new Fqdn(host, domain));
    }

    private static String strictUtf8(byte[] buf, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, off, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int code() {
        return FQDN;
    }

    @Override
    public int valueLength() {
        return 2 + utf8(hostname).length + utf8(domainName).length;
    }

    @Override
    public void writeValue(WireWriter out) {
        byte[] host = utf8(hostname);
        byte[] domain = utf8(domainName);
        out.u8(host.length).bytes(host).u8(domain.length).bytes(domain);
    }

    /** ExaBGP 4.2 only knows a private-range hostname code, so code 73 prints as unknown. */
    @Override
    public void appendJson(JsonOut out) {
        WireWriter w = new WireWriter(valueLength());
        writeValue(w);
        UnknownCapability.appendJson(out, code(), w.toByteArray());
    }
}
