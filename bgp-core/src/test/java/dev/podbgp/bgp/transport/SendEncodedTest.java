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
import dev.podbgp.bgp.wire.message.MessageType;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.message.UpdatePacker;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pre-encoded UPDATEs (Adj-RIB-Out's shared bytes) reach the wire unchanged and in call order. */
class SendEncodedTest {

    private static Update update(String prefix, SessionCapabilities caps) {
        return UpdatePacker.announce(Family.IPV4_UNICAST, PathAttributes.of(Origin.IGP, AsPath.ofSequence(65001)),
                IpAddress.parse("127.0.0.1"), null, List.of(NlriEntry.of(Prefix.parse(prefix))), caps).getFirst();
    }

    @Test
    void encodedBytesGoOutAsGivenBetweenOrdinarySends() throws Exception {
        InetAddress ours = InetAddress.getByName("127.0.0.1");
        InetAddress theirs = InetAddress.getByName("127.0.0.6");
        try (BgpSpeaker speaker = BgpSpeaker.start(SpeakerConfig.listeningOn(new InetSocketAddress(ours, 0)),
                new PeerListener() { })) {
            SessionConfig c = SessionConfig.of(65001, 65006, Ipv4Address.parse("192.0.2.1"), Set.of(Family.IPV4_UNICAST));
            BgpPeer peer = speaker.addPeer(PeerConfig.of(theirs, c.withPassive(true)));
            try (Socket raw = new Socket()) {
                raw.bind(new InetSocketAddress(theirs, 0));
                raw.connect(speaker.boundAddresses().getFirst(), 2_000);
                raw.setSoTimeout(5_000);
                OutputStream out = raw.getOutputStream();
                out.write(MessageCodec.encode(Open.of(65006, 90, Ipv4Address.parse("192.0.2.6"),
                        SessionConfig.standardCapabilities(65006, Set.of(Family.IPV4_UNICAST))), SessionCapabilities.RFC4271));
                out.write(MessageCodec.encode(Keepalive.INSTANCE, SessionCapabilities.RFC4271));
                out.flush();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (peer.state() != SessionState.ESTABLISHED && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(peer.state()).isEqualTo(SessionState.ESTABLISHED);
                SessionCapabilities codec = peer.negotiated().orElseThrow().codec();

                byte[] b = MessageCodec.encode(update("10.2.0.0/16", codec), codec);
                byte[] c2 = MessageCodec.encode(update("10.3.0.0/16", codec), codec);
                peer.send(List.of(update("10.1.0.0/16", codec)));
                assertThat(peer.sendEncoded(List.of(b, c2)).get(5, TimeUnit.SECONDS)).isTrue();
                peer.send(List.of(update("10.4.0.0/16", codec))).get(5, TimeUnit.SECONDS);

                List<byte[]> updates = new ArrayList<>();
                DataInputStream in = new DataInputStream(raw.getInputStream());
                while (updates.size() < 4) {
                    byte[] header = new byte[MessageCodec.HEADER_LENGTH];
                    in.readFully(header);
                    int length = (header[16] & 0xff) << 8 | header[17] & 0xff;
                    byte[] whole = new byte[length];
                    System.arraycopy(header, 0, whole, 0, header.length);
                    in.readFully(whole, header.length, length - header.length);
                    if ((header[18] & 0xff) == MessageType.UPDATE.code()) {
                        updates.add(whole);
                    }
                }
                assertThat(updates.get(0)).isEqualTo(MessageCodec.encode(update("10.1.0.0/16", codec), codec));
                assertThat(updates.get(1)).isEqualTo(b);
                assertThat(updates.get(2)).isEqualTo(c2);
                assertThat(updates.get(3)).isEqualTo(MessageCodec.encode(update("10.4.0.0/16", codec), codec));
            }
        }
    }

    @Test
    void notEstablished_isRefusedWithFalse() throws Exception {
        try (BgpSpeaker speaker = BgpSpeaker.start(SpeakerConfig.listeningOn(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0)), new PeerListener() { })) {
            SessionConfig c = SessionConfig.of(65001, 65007, Ipv4Address.parse("192.0.2.1"), Set.of(Family.IPV4_UNICAST));
            BgpPeer peer = speaker.addPeer(PeerConfig.of(InetAddress.getByName("127.0.0.7"), c.withPassive(true)));
            assertThat(peer.sendEncoded(List.of(new byte[19])).get(5, TimeUnit.SECONDS)).isFalse();
        }
    }
}
