package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.message.Keepalive;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.MessageType;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.bgp.wire.message.RouteRefresh;
import dev.podbgp.bgp.wire.message.Update;
import java.util.List;
import java.util.function.Consumer;

/**
 * One JSON line per event, as ExaBGP 4.2.21 writes to its API processes (encoder json,
 * format version "4.0.1"). Field order follows ExaBGP's; consumers compare parsed JSON.
 *
 * <p>{@code raw}, where taken, is the whole message (header included) for API processes that
 * asked for packets as well as parsed messages; ExaBGP then adds {@code "header"} and
 * {@code "body"} as hex. Pass {@code null} otherwise.
 */
public final class ExabgpJson {

    public static final String VERSION = "4.0.1";

    private ExabgpJson() {}

    public static String open(Envelope env, ExabgpNeighbor n, Direction d, Open open, byte[] raw) {
        return message(env, n, d, "open", raw, out -> open.appendJson(out.name("open"), d == Direction.SEND));
    }

    /** An UPDATE line; End-of-RIB has the same type with an {@code "eor"} message. */
    public static String update(Envelope env, ExabgpNeighbor n, Direction d, Update update, byte[] raw) {
        return update(env, n, d, update, List.of(), raw);
    }

    /** An UPDATE line for what decoding returned: {@code repaired} as in {@code DecodeResult.Ok}. */
    public static String update(Envelope env, ExabgpNeighbor n, Direction d, Update update,
            List<Malformation> repaired, byte[] raw) {
        return message(env, n, d, "update", raw,
                out -> UpdateJson.appendMessage(out.name("message"), update, !repaired.isEmpty()));
    }

    public static String notification(Envelope env, ExabgpNeighbor n, Direction d, Notification m, byte[] raw) {
        return message(env, n, d, "notification", raw, out -> m.appendJson(out.name("notification")));
    }

    /** ExaBGP's KEEPALIVE line has no content beyond the direction. */
    public static String keepalive(Envelope env, ExabgpNeighbor n, Direction d, Keepalive m, byte[] raw) {
        return message(env, n, d, "keepalive", raw, out -> {});
    }

    /** ExaBGP calls the type {@code "refresh"} and the content {@code "route-refresh"}. */
    public static String routeRefresh(Envelope env, ExabgpNeighbor n, Direction d, RouteRefresh m, byte[] raw) {
        return message(env, n, d, "refresh", raw, out -> m.appendJson(out.name("route-refresh")));
    }

    /**
     * The raw-packet line ExaBGP writes for API processes that asked for packets without
     * consolidation: the message type and the wire hex. Unlike the parsed form, an empty
     * body still prints as {@code "0x"}.
     */
    public static String packets(Envelope env, ExabgpNeighbor n, Direction d, byte[] raw) {
        int header = MessageCodec.HEADER_LENGTH;
        int type = raw[header - 1] & 0xff;
        return message(env, n, d, packetTypeName(MessageType.of(type)), null,
                out -> out.name("message").beginObject().field("category", type)
                        .field("header", "0x" + Bytes.hex(raw, 0, header))
                        .field("body", "0x" + Bytes.hex(raw, header, raw.length - header)).endObject());
    }

    /** ExaBGP's long message names, which it uses for packet lines (note the space). */
    private static String packetTypeName(MessageType type) {
        return switch (type) {
            case null -> "unknown";
            case OPEN -> "open";
            case UPDATE -> "update";
            case NOTIFICATION -> "notification";
            case KEEPALIVE -> "keepalive";
            case ROUTE_REFRESH -> "route refresh";
        };
    }

    /**
     * A neighbor-changes event. {@code reason} is printed for {@link NeighborState#DOWN}
     * only, with brackets and braces turned into parentheses as ExaBGP does.
     */
    public static String state(Envelope env, ExabgpNeighbor n, NeighborState state, String reason) {
        return render(env, true, "state", null, out -> neighbor(out, n, null, o -> {
            o.field("state", state.json());
            if (state == NeighborState.DOWN) {
                o.field("reason", reason.replace('[', '(').replace(']', ')').replace('{', '(').replace('}', ')'));
            }
        }));
    }

    /** What a session negotiated, written once it is established, for processes that asked for negotiated. */
    public static String negotiated(Envelope env, ExabgpNeighbor n, NegotiatedJson negotiated) {
        return render(env, true, "negotiated", null, out -> neighbor(out, n, null, negotiated::appendJson));
    }

    /** The line ExaBGP writes when it shuts down: no neighbor and no counter. */
    public static String shutdown(Envelope env) {
        return render(env, false, "notification", null, out -> out.field("notification", "shutdown"));
    }

    /**
     * Any message line: envelope, neighbor block with direction, then {@code content}
     * writing name/value pairs inside the neighbor object. UPDATE rendering plugs in here.
     */
    public static String message(Envelope env, ExabgpNeighbor n, Direction d, String type, byte[] raw,
            Consumer<JsonOut> content) {
        return render(env, true, type, raw, out -> neighbor(out, n, d, content));
    }

    private static String render(Envelope env, boolean counted, String type, byte[] raw, Consumer<JsonOut> rest) {
        JsonOut out = new JsonOut();
        out.beginObject().field("exabgp", VERSION).name("time").raw(env.timeToken()).field("host", env.host())
                .field("pid", env.pid()).field("ppid", env.ppid());
        if (counted) {
            out.field("counter", env.counter());
        }
        out.field("type", type);
        if (raw != null) {
            int header = MessageCodec.HEADER_LENGTH;
            out.field("header", "0x" + Bytes.hex(raw, 0, header));
            if (raw.length > header) {
                out.field("body", "0x" + Bytes.hex(raw, header, raw.length - header));
            }
        }
        rest.accept(out);
        return out.endObject().toString();
    }

    private static void neighbor(JsonOut out, ExabgpNeighbor n, Direction d, Consumer<JsonOut> content) {
        out.name("neighbor").beginObject();
        out.name("address").beginObject().field("local", n.localAddress().toString())
                .field("peer", n.peerAddress().toString()).endObject();
        out.name("asn").beginObject().field("local", n.localAs()).field("peer", n.peerAs()).endObject();
        if (d != null) {
            out.field("direction", d.json());
        }
        content.accept(out);
        out.endObject();
    }
}
