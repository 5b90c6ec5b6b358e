package dev.podbgp.rib.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link OutputSink} that records what each peer was handed, and decodes it for checks. */
final class Sent implements OutputSink {

    /** Per peer id, every list handed over, in order. */
    final Map<Integer, List<List<byte[]>>> writes = new LinkedHashMap<>();

    @Override
    public void write(OutboundPeer peer, List<byte[]> messages) {
        assertThat(messages).isNotEmpty();
        writes.computeIfAbsent(peer.id(), k -> new ArrayList<>()).add(messages);
    }

    List<byte[]> bytes(int peerId) {
        List<byte[]> out = new ArrayList<>();
        writes.getOrDefault(peerId, List.of()).forEach(out::addAll);
        return out;
    }

    List<Update> updates(int peerId) {
        return decode(bytes(peerId));
    }

    /** Every message the peer was handed, UPDATEs and ROUTE-REFRESH markers alike, in order. */
    List<BgpMessage> messages(int peerId) {
        List<BgpMessage> out = new ArrayList<>();
        for (byte[] m : bytes(peerId)) {
            DecodeResult<BgpMessage> r = MessageCodec.decode(m, 0, m.length, SessionCapabilities.FOUR_OCTET_AS);
            out.add(((DecodeResult.Ok<BgpMessage>) r).value());
        }
        return out;
    }

    void clear() {
        writes.clear();
    }

    static List<Update> decode(List<byte[]> messages) {
        return decode(messages, SessionCapabilities.FOUR_OCTET_AS);
    }

    static List<Update> decode(List<byte[]> messages, SessionCapabilities caps) {
        List<Update> out = new ArrayList<>();
        for (byte[] m : messages) {
            DecodeResult<BgpMessage> r = MessageCodec.decode(m, 0, m.length, caps);
            assertThat(r).isInstanceOf(DecodeResult.Ok.class);
            DecodeResult.Ok<BgpMessage> ok = (DecodeResult.Ok<BgpMessage>) r;
            assertThat(ok.repaired()).isEmpty();
            out.add((Update) ok.value());
        }
        return out;
    }

    static List<Prefix> announced(Update u) {
        List<Prefix> out = new ArrayList<>();
        u.announced().forEach(n -> out.addAll(n.prefixes()));
        return out;
    }

    static List<Prefix> withdrawn(Update u) {
        List<Prefix> out = new ArrayList<>();
        u.withdrawals().forEach(n -> out.addAll(n.prefixes()));
        return out;
    }

    /**
     * A sink that applies what each peer is handed to its view (prefix to MED), as the peer would, and fails on a
     * withdrawal of a prefix the view does not have.
     */
    static OutputSink replayInto(List<Map<Prefix, Long>> views) {
        return (peer, messages) -> {
            Map<Prefix, Long> view = views.get(peer.id());
            for (Update u : decode(messages)) {
                for (Prefix p : withdrawn(u)) {
                    assertThat(view).as("peer %d withdrawn %s it does not have", peer.id(), p).containsKey(p);
                    view.remove(p);
                }
                for (Prefix p : announced(u)) {
                    view.put(p, u.attributes().med().value());
                }
            }
        };
    }
}
