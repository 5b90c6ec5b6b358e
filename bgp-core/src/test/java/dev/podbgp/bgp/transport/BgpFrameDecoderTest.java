package dev.podbgp.bgp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.Keepalive;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Update;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Runs under -Dio.netty.leakDetection.level=paranoid (set for every test JVM). */
class BgpFrameDecoderTest {

    static byte[] keepalive() {
        return MessageCodec.encode(new Keepalive(), SessionCapabilities.RFC4271);
    }

    static EmbeddedChannel channel() {
        BgpFrameDecoder decoder = new BgpFrameDecoder();
        return new EmbeddedChannel(decoder, new BgpMessageEncoder(decoder));
    }

    @SuppressWarnings("unchecked")
    static BgpMessage next(EmbeddedChannel ch) {
        return ((DecodeResult<BgpMessage>) ch.readInbound()).orThrow();
    }

    @Test
    void messagesSplitAcrossReadsAndSeveralInOneRead() {
        EmbeddedChannel ch = channel();
        byte[] ka = keepalive();
        byte[] eor = MessageCodec.encode(Update.endOfRib(Family.IPV6_UNICAST), SessionCapabilities.RFC4271);
        byte[] stream = new byte[ka.length + eor.length + ka.length];
        System.arraycopy(ka, 0, stream, 0, ka.length);
        System.arraycopy(eor, 0, stream, ka.length, eor.length);
        System.arraycopy(ka, 0, stream, ka.length + eor.length, ka.length);
        ch.writeInbound(Unpooled.wrappedBuffer(stream, 0, 7));
        assertThat((Object) ch.readInbound()).isNull();
        ch.writeInbound(Unpooled.wrappedBuffer(stream, 7, 25));
        assertThat(next(ch)).isInstanceOf(Keepalive.class);
        ch.writeInbound(Unpooled.wrappedBuffer(stream, 32, stream.length - 32));
        assertThat(((Update) next(ch)).endOfRibFamily()).isEqualTo(Family.IPV6_UNICAST);
        assertThat(next(ch)).isInstanceOf(Keepalive.class);
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void rfc4271_s6_1_badMarkerIsReportedOnceAndTheRestIsDropped() {
        EmbeddedChannel ch = channel();
        byte[] bad = keepalive();
        bad[3] = 0;
        ch.writeInbound(Unpooled.wrappedBuffer(bad), Unpooled.wrappedBuffer(keepalive()));
        DecodeResult<?> first = ch.readInbound();
        assertThat(first).isInstanceOf(DecodeResult.Malformed.class);
        assertThat(((DecodeResult.Malformed<?>) first).problem().error()).isEqualTo(BgpError.CONNECTION_NOT_SYNCHRONIZED);
        assertThat((Object) ch.readInbound()).isNull();
        ch.writeInbound(Unpooled.wrappedBuffer(keepalive()));
        assertThat((Object) ch.readInbound()).isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void rfc8654_lengthsAbove4096NeedTheNegotiatedExtendedMessage() {
        byte[] big = Arrays.copyOf(keepalive(), 19);
        big[16] = 0x10; // length 4096 + 19 ... as a header only
        big[17] = 0x13;
        big[18] = 2;
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(big));
        DecodeResult<?> r = ch.readInbound();
        assertThat(((DecodeResult.Malformed<?>) r).problem().error()).isEqualTo(BgpError.BAD_MESSAGE_LENGTH);
        ch.finishAndReleaseAll();

        EmbeddedChannel extended = channel();
        extended.pipeline().get(BgpFrameDecoder.class).capabilities(SessionCapabilities.FOUR_OCTET_AS.withExtendedMessage(true));
        extended.writeInbound(Unpooled.wrappedBuffer(big));
        assertThat((Object) extended.readInbound()).as("waits for the rest of a 4115-octet UPDATE").isNull();
        extended.finishAndReleaseAll();
    }

    @Test
    void encoderWritesExactlyTheCodecsBytes() {
        EmbeddedChannel ch = channel();
        ch.writeOutbound(new Keepalive());
        ByteBuf out = ch.readOutbound();
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        assertThat(bytes).isEqualTo(keepalive());
        assertThat(ch.finish()).isFalse();
    }
}
