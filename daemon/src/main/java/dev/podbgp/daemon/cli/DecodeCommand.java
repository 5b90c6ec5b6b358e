package dev.podbgp.daemon.cli;

import dev.podbgp.bgp.exabgp.Direction;
import dev.podbgp.bgp.exabgp.Envelope;
import dev.podbgp.bgp.exabgp.ExabgpJson;
import dev.podbgp.bgp.exabgp.ExabgpNeighbor;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.Keepalive;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.bgp.wire.message.RouteRefresh;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.IpAddress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code podbgp decode HEX...}: BGP messages in hex, printed as ExaBGP's JSON; needs no daemon. */
final class DecodeCommand {
    static final CliParameter HEX = CliParameter.oneOrMore("HEX", "message(s) or an UPDATE body, in hex");
    static final CliOption NO_ASN4 = CliOption.flag("--no-asn4",
            "AS numbers are 2 octets (the peers did not negotiate RFC 6793 4-octet AS)");
    static final CliOption ADD_PATH = CliOption.flag("--add-path",
            "NLRI carry RFC 7911 path identifiers, in every family (as ExaBGP's add-path send/receive)");
    static final CliOption EXTENDED_NEXT_HOP = CliOption.flag("--extended-next-hop",
            "IPv4 unicast may carry an IPv6 next hop (RFC 8950); without it a 16- or 32-octet IPv4 next hop is malformed");
    static final CliOption EXTENDED_MESSAGE = CliOption.flag("--extended-message", "messages may be up to 65535 octets (RFC 8654)");
    static final CliOption LOCAL_ADDRESS = CliOption.valued("--local-address", "IP", "envelope's local address").withDefault("127.0.0.1");
    static final CliOption PEER_ADDRESS = CliOption.valued("--peer-address", "IP", "envelope's peer address").withDefault("127.0.0.2");
    static final CliOption LOCAL_AS = CliOption.valued("--local-as", "ASN", "envelope's local AS").withDefault(65000);
    static final CliOption PEER_AS = CliOption.valued("--peer-as", "ASN", "envelope's peer AS").withDefault(65001);

    private final List<String> hex;
    private final boolean noAsn4;
    private final boolean addPath;
    private final boolean extendedNextHop;
    private final boolean extendedMessage;
    private final String localAddress;
    private final String peerAddress;
    private final long localAs;
    private final long peerAs;

    private DecodeCommand(ParsedArgs args) throws UsageException {
        hex = args.words(HEX);
        noAsn4 = args.flag(NO_ASN4);
        addPath = args.flag(ADD_PATH);
        extendedNextHop = args.flag(EXTENDED_NEXT_HOP);
        extendedMessage = args.flag(EXTENDED_MESSAGE);
        localAddress = args.value(LOCAL_ADDRESS);
        peerAddress = args.value(PEER_ADDRESS);
        localAs = args.number(LOCAL_AS);
        peerAs = args.number(PEER_AS);
    }

    static CliCommand command() {
        return CliCommand.named("decode", "Decode BGP messages given as hex into ExaBGP's JSON.")
                .details(
                        "Prints one line per message, the lines 'exabgp --decode' prints after 'update json'.",
                        "Works without a daemon.",
                        "",
                        "HEX is what exabgp --decode takes: all arguments are joined and colons and blanks",
                        "ignored. Input starting with the marker (16 x FF) is one or more whole messages;",
                        "anything else is the body of one UPDATE. Unlike ExaBGP, OPEN, NOTIFICATION, KEEPALIVE",
                        "and ROUTE-REFRESH decode too.",
                        "",
                        "The options set the session the bytes are read in (what the OPENs negotiated) and",
                        "the neighbor printed in the JSON envelope.")
                .parameter(HEX)
                .options(NO_ASN4, ADD_PATH, EXTENDED_NEXT_HOP, EXTENDED_MESSAGE, LOCAL_ADDRESS, PEER_ADDRESS, LOCAL_AS, PEER_AS)
                .examples(
                        "  podbgp decode 000000144001010040020602010000FDE9400304C0000201180AF001",
                        "  podbgp decode FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:0017:02:0000:0000",
                        "  podbgp decode --no-asn4 00000012400101004002040201FDE9400304C0000201180AF001")
                .notes("Exit code 1 if a message is malformed (its reason is printed on stderr), 2 for bad hex.")
                .action((args, out, err) -> new DecodeCommand(args).call(out, err));
    }

    SessionCapabilities capabilities() {
        Set<Family> all = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
        return new SessionCapabilities(!noAsn4, addPath ? all : Set.of(), addPath ? all : Set.of(), extendedMessage,
                extendedNextHop ? Set.of(Family.IPV4_UNICAST) : Set.of());
    }

    int call(PrintWriter out, PrintWriter err) throws UsageException {
        ExabgpNeighbor neighbor = neighbor();
        SessionCapabilities caps = capabilities();
        List<HexMessages.Piece> pieces = HexMessages.split(HexMessages.parse(hex));
        boolean failed = false;
        long counter = 0;
        for (int i = 0; i < pieces.size(); i++) {
            switch (pieces.get(i)) {
                case HexMessages.Piece.Unframed u -> {
                    err.println("podbgp: message " + (i + 1) + " at octet " + u.offset() + ": " + u.reason());
                    failed = true;
                }
                case HexMessages.Piece.Message m -> {
                    switch (MessageCodec.decode(m.bytes(), 0, m.bytes().length, caps)) {
                        case DecodeResult.Ok<BgpMessage> ok -> {
                            for (Malformation repaired : ok.repaired()) {
                                err.println("podbgp: message " + (i + 1) + ": " + repaired.action() + ": " + repaired);
                            }
                            out.println(json(envelope(++counter), neighbor, ok.value(), ok.repaired()));
                        }
                        case DecodeResult.Malformed<BgpMessage> bad -> {
                            err.println("podbgp: message " + (i + 1) + " is malformed: " + bad.problem());
                            failed = true;
                        }
                    }
                }
            }
        }
        out.flush();
        err.flush();
        return failed ? Main.EXIT_RUNTIME : Main.EXIT_OK;
    }

    private ExabgpNeighbor neighbor() throws UsageException {
        try {
            return new ExabgpNeighbor(IpAddress.parse(localAddress), IpAddress.parse(peerAddress), localAs, peerAs);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--local-address/--peer-address: " + e.getMessage());
        }
    }

    /** {@code repaired}: what decoding repaired (RFC 7606); a repaired UPDATE is never an End-of-RIB. */
    static String json(Envelope env, ExabgpNeighbor n, BgpMessage message, List<Malformation> repaired) {
        Direction d = Direction.DECODE;
        return switch (message) {
            case Update u -> ExabgpJson.update(env, n, d, u, repaired, null);
            case Open o -> ExabgpJson.open(env, n, d, o, null);
            case Notification no -> ExabgpJson.notification(env, n, d, no, null);
            case Keepalive k -> ExabgpJson.keepalive(env, n, d, k, null);
            case RouteRefresh r -> ExabgpJson.routeRefresh(env, n, d, r, null);
        };
    }

    /** ExaBGP's envelope: wall-clock time, hostname, pid and parent pid, a counter from 1 per run. */
    private static Envelope envelope(long counter) {
        ProcessHandle self = ProcessHandle.current();
        long ppid = self.parent().map(ProcessHandle::pid).orElse(0L);
        return new Envelope(System.currentTimeMillis() / 1000.0, hostname(), self.pid(), ppid, counter);
    }

    /** Python's socket.gethostname(), without a DNS lookup. */
    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
