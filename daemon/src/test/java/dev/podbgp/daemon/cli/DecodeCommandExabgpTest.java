package dev.podbgp.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podbgp.bgp.exabgp.ExabgpOracle;
import dev.podbgp.bgp.exabgp.OracleContext;
import dev.podbgp.bgp.exabgp.OracleResult;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.LargeCommunities;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MpReachNlri;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.nlri.Nlri;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code podbgp decode} against the real {@code exabgp --decode} (ExaBGP 4.2.21): the same
 * messages, in the same session context, must give the same JSON (volatile envelope keys
 * removed). One podbgp invocation decodes the whole batch, as ExaBGP does.
 */
class DecodeCommandExabgpTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    @Test
    void fourOctetAs_agreesWithExabgp() throws Exception {
        compare(SessionCapabilities.FOUR_OCTET_AS, OracleContext.DEFAULT);
    }

    @Test
    void twoOctetAs_agreesWithExabgp() throws Exception {
        compare(SessionCapabilities.RFC4271, OracleContext.DEFAULT.withFourOctetAs(false), "--no-asn4");
    }

    @Test
    void addPath_agreesWithExabgp() throws Exception {
        compare(SessionCapabilities.FOUR_OCTET_AS.withAddPath(BOTH, BOTH),
                OracleContext.DEFAULT.withAddPathReceive(BOTH), "--add-path");
    }

    /** exabgp --decode takes a body without header as one UPDATE; so do we. */
    @Test
    void updateBodyWithoutHeader_agreesWithExabgp() throws Exception {
        String body = "00000012400101004002040201FDE9400304C0000201180AF001";
        OracleResult expected = new ExabgpOracle(OracleContext.DEFAULT.withFourOctetAs(false)).decodeOne(body);
        CliRun run = CliRun.of("decode", "--no-asn4", body);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(((OracleResult.Decoded) expected).json()).isEqualTo(withoutVolatileKeys(run.out().strip()));
    }

    /** Colons and blanks are ignored and arguments joined, as exabgp --decode does. */
    @Test
    void colonsBlanksAndSplitArguments_decodeLikeOneString() throws Exception {
        String plain = "000000144001010040020602010000FDE9400304C0000201180AF001";
        CliRun whole = CliRun.of("decode", plain);
        CliRun split = CliRun.of("decode", "0000:0014", "40010100 4002060201", "0000FDE9:400304C0000201:180AF001");
        assertThat(split.exitCode()).isZero();
        assertThat(withoutVolatileKeys(split.out().strip())).isEqualTo(withoutVolatileKeys(whole.out().strip()));
    }

    /**
     * RFC 8950 §4 with RFC 7606 §7.11: an IPv4 MP_REACH_NLRI with a 16- or 32-octet next hop decodes only in a
     * session that negotiated extended next hop. Both decoders refuse it without {@code --extended-next-hop} (ExaBGP
     * names UPDATE Message Error / Unspecific, podbgp Optional Attribute Error, see exabgp-compat.md) and agree on
     * the JSON with it.
     */
    @Test
    void rfc8950_s4_ipv6NextHopForIpv4_decodesOnlyWithExtendedNextHop() throws Exception {
        Nlri v4 = Nlri.of(Family.IPV4_UNICAST, Prefix.parse("10.240.1.0/24"));
        PathAttributes base = PathAttributes.of(Origin.IGP, AsPath.ofSequence(65001));
        SessionCapabilities enh = SessionCapabilities.FOUR_OCTET_AS.withExtendedNextHop(Set.of(Family.IPV4_UNICAST));
        for (Ipv6Address linkLocal : new Ipv6Address[] {null, Ipv6Address.parse("fe80::1")}) {
            Update u = new Update(Nlri.empty(Family.IPV4_UNICAST, false),
                    base.with(new MpReachNlri(Family.IPV4_UNICAST, IpAddress.parse("2001:db8::1"), linkLocal, v4)),
                    Nlri.empty(Family.IPV4_UNICAST, false));
            String hex = Bytes.hex(MessageCodec.encode(u, enh));

            OracleResult refused = new ExabgpOracle(OracleContext.DEFAULT).decodeOne(hex);
            CliRun without = CliRun.of("decode", hex);
            assertThat(refused).as("exabgp without nexthop").isInstanceOf(OracleResult.Refused.class);
            assertThat(without.exitCode()).isEqualTo(1);
            assertThat(without.out()).isEmpty();
            assertThat(without.err()).contains("not negotiated", "code=3/9", "action=SESSION_RESET");

            OracleResult decoded = new ExabgpOracle(OracleContext.DEFAULT.withExtendedNextHop(true)).decodeOne(hex);
            CliRun with = CliRun.of("decode", "--extended-next-hop", hex);
            assertThat(with.exitCode()).as(with.err()).isZero();
            assertThat(decoded).as("exabgp with nexthop").isInstanceOf(OracleResult.Decoded.class);
            assertThat(withoutVolatileKeys(with.out().strip())).isEqualTo(((OracleResult.Decoded) decoded).json());
        }
    }

    void compare(SessionCapabilities caps, OracleContext oracle, String... options) throws Exception {
        List<String> hex = samples(caps).stream().map(u -> Bytes.hex(MessageCodec.encode(u, caps))).toList();
        List<OracleResult> expected = new ExabgpOracle(oracle).decode(hex);
        List<String> args = new ArrayList<>(List.of("decode"));
        args.addAll(List.of(options));
        args.addAll(hex);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(hex.size());
        for (int i = 0; i < hex.size(); i++) {
            assertThat(MAPPER.readTree(lines.get(i)).path("counter").asLong()).as("ExaBGP counts messages from 1").isEqualTo(i + 1);
            assertThat(expected.get(i)).as("exabgp refused " + hex.get(i)).isInstanceOf(OracleResult.Decoded.class);
            assertThat(withoutVolatileKeys(lines.get(i))).as(hex.get(i)).isEqualTo(((OracleResult.Decoded) expected.get(i)).json());
        }
    }

    /** Announce with the usual attributes, IPv6 by MP_REACH, a withdrawal, End-of-RIB. */
    static List<Update> samples(SessionCapabilities caps) {
        boolean v4Ids = caps.receivesPathIds(Family.IPV4_UNICAST);
        boolean v6Ids = caps.receivesPathIds(Family.IPV6_UNICAST);
        Nlri none = Nlri.empty(Family.IPV4_UNICAST, v4Ids);
        Nlri v4 = Nlri.builder(Family.IPV4_UNICAST, v4Ids).add(1, Prefix.parse("10.240.1.0/24"))
                .add(2, Prefix.parse("10.240.2.0/24")).build();
        Nlri v6 = Nlri.builder(Family.IPV6_UNICAST, v6Ids).add(1, Prefix.parse("fd00:10:240:1::/64")).build();
        PathAttributes common = PathAttributes.of(Origin.IGP, AsPath.ofSequence(65001, 65002), new MultiExitDisc(10),
                new LocalPref(200), new Communities(new int[] {Communities.community(65000, 1)}),
                LargeCommunities.of(65000, 1, 2));
        return List.of(
                new Update(none, common.with(new NextHop(Ipv4Address.parse("192.0.2.1"))), v4),
                new Update(none, common.with(new MpReachNlri(Family.IPV6_UNICAST, IpAddress.parse("2001:db8::1"),
                        Ipv6Address.parse("fe80::1"), v6)), none),
                new Update(v4, PathAttributes.EMPTY, none),
                Update.endOfRib(Family.IPV4_UNICAST));
    }

    static JsonNode withoutVolatileKeys(String json) throws Exception {
        ObjectNode node = (ObjectNode) MAPPER.readTree(json);
        node.remove(ExabgpOracle.VOLATILE_KEYS);
        return node;
    }
}
