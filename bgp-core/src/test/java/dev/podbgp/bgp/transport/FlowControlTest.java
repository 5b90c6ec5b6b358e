package dev.podbgp.bgp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Keepalive;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.message.UpdatePacker;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN "a slow peer never grows an unbounded queue": a peer that stops reading makes the
 * connection unwritable once the send buffer passes its high-water mark, and a producer that
 * honours {@link BgpPeer#isWritable()} stops there; {@link PeerListener#writable} says when
 * to go on.
 */
class FlowControlTest {

    @Test
    void aPeerThatStopsReadingStopsAProducerThatHonoursWritability() throws Exception {
        CountDownLatch writableAgain = new CountDownLatch(1);
        InetAddress ours = InetAddress.getByName("127.0.0.1");
        InetAddress theirs = InetAddress.getByName("127.0.0.3");
        try (BgpSpeaker speaker = BgpSpeaker.start(SpeakerConfig.listeningOn(new InetSocketAddress(ours, 0)),
                new PeerListener() {
                    @Override
                    public void writable(BgpPeer peer) {
                        writableAgain.countDown();
                    }
                })) {
            SessionConfig c = SessionConfig.of(65001, 65003, Ipv4Address.parse("192.0.2.1"), Set.of(Family.IPV4_UNICAST));
            BgpPeer peer = speaker.addPeer(PeerConfig.of(theirs, c.withPassive(true)));
            try (Socket raw = new Socket()) {
                raw.setReceiveBufferSize(16 * 1024);
                raw.bind(new InetSocketAddress(theirs, 0));
                raw.connect(speaker.boundAddresses().getFirst(), 2_000);
                OutputStream out = raw.getOutputStream();
                out.write(MessageCodec.encode(Open.of(65003, 90, Ipv4Address.parse("192.0.2.3"),
                        SessionConfig.standardCapabilities(65003, Set.of(Family.IPV4_UNICAST))), SessionCapabilities.RFC4271));
                out.write(MessageCodec.encode(Keepalive.INSTANCE, SessionCapabilities.RFC4271));
                out.flush();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (peer.state() != SessionState.ESTABLISHED && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(peer.state()).isEqualTo(SessionState.ESTABLISHED);

                // The raw peer now reads nothing. Produce 1,000-prefix UPDATEs while writable.
                SessionCapabilities codec = peer.negotiated().orElseThrow().codec();
                List<NlriEntry> thousand = IntStream.range(0, 1000)
                        .mapToObj(i -> NlriEntry.of(Ipv4Prefix.masked(0x0A000000 | i << 8, 24))).toList();
                List<Update> batch = UpdatePacker.announce(Family.IPV4_UNICAST,
                        PathAttributes.of(Origin.IGP, AsPath.ofSequence(65001)), IpAddress.parse("127.0.0.1"), null,
                        thousand, codec);
                int sent = 0;
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < deadline && sent < 10_000) {
                    if (!peer.isWritable()) {
                        break;
                    }
                    assertThat(peer.send(batch).get(5, TimeUnit.SECONDS)).isTrue();
                    sent++;
                }
                assertThat(peer.isWritable()).as("unwritable after the peer stopped reading").isFalse();
                // About 4 KB per UPDATE: the producer stopped after a few hundred batches (kernel
                // buffers + the 1 MiB high-water mark), not after all 10,000.
                assertThat(sent).isLessThan(10_000);

                // The peer reads again: the buffer drains and the producer is told to go on.
                InputStream in = raw.getInputStream();
                byte[] sink = new byte[64 * 1024];
                long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (writableAgain.getCount() > 0 && System.nanoTime() < drainUntil) {
                    if (in.available() > 0) {
                        in.read(sink);
                    } else {
                        Thread.sleep(1);
                    }
                }
                assertThat(writableAgain.await(1, TimeUnit.SECONDS)).as("writable callback").isTrue();
                assertThat(peer.isWritable()).isTrue();
            }
        }
    }
}
