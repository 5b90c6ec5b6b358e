package dev.podbgp.bgp.exabgp;

import static dev.podbgp.bgp.exabgp.Commands.announce;
import static dev.podbgp.bgp.exabgp.Commands.attributeHex;
import static dev.podbgp.bgp.exabgp.Commands.parse;
import static dev.podbgp.bgp.exabgp.Commands.refused;
import static dev.podbgp.bgp.exabgp.Commands.valueHex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AsPathSegment;
import dev.podbgp.bgp.wire.attr.AtomicAggregate;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.UnknownAttribute;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ExaBGP 4.2 text API grammar: every keyword, and a specific refusal for every mistake. */
class CommandParserTest {

    private static final String R = "announce route 10.0.0.0/24 next-hop 192.0.2.1 ";

    private static List<Prefix> prefixes(Command c) {
        List<NlriEntry> routes = switch (c) {
            case Command.Announce a -> a.routes();
            case Command.Withdraw w -> w.routes();
            case Command.EndOfRib e -> List.of();
        };
        return routes.stream().map(NlriEntry::prefix).toList();
    }

    @Nested
    class Routes {
        @Test
        void announceRouteKeepsPrefixNextHopAndNoDefaults() {
            Command.Announce a = announce("announce route 10.0.0.0/24 next-hop 192.0.2.1");
            assertThat(a.peers()).isEmpty();
            assertThat(a.routes()).containsExactly(NlriEntry.of(Prefix.parse("10.0.0.0/24")));
            assertThat(a.nextHop()).isEqualTo(new NextHopSpec.Address(Ipv4Address.parse("192.0.2.1")));
            assertThat(a.attributes().isEmpty()).as("defaults are the session's business").isTrue();
            assertThat(a.family()).isEqualTo(Family.IPV4_UNICAST);
        }

        @Test
        void nextHopSelfStaysSymbolic() {
            assertThat(announce("announce route 10.0.0.0/24 next-hop self").nextHop()).isEqualTo(NextHopSpec.Self.INSTANCE);
            assertThat(announce("announce route 10.0.0.0/24 next-hop SELF").nextHop()).isEqualTo(NextHopSpec.Self.INSTANCE);
        }

        @Test
        void ipv6RouteWithIpv6NextHop() {
            Command.Announce a = announce("announce route 2001:db8:1::/48 next-hop fd00:255::1");
            assertThat(a.family()).isEqualTo(Family.IPV6_UNICAST);
            assertThat(a.nextHop()).isEqualTo(new NextHopSpec.Address(IpAddress.parse("fd00:255::1")));
        }

        @Test
        void rfc8950_ipv4RouteMayHaveIpv6NextHop() {
            assertThat(announce("announce route 10.0.0.0/24 next-hop 2001:db8::1").nextHop())
                    .isEqualTo(new NextHopSpec.Address(IpAddress.parse("2001:db8::1")));
        }

        @Test
        void ipv6RouteWithIpv4NextHopIsRefusedWithTheMappedForm() {
            CommandError e = refused("announce route 2001:db8::/32 next-hop 192.0.2.1");
            assertThat(e.message()).contains("IPv6 next hop").contains("::ffff:192.0.2.1");
            assertThat(e.token()).isEqualTo("192.0.2.1");
            assertThat(announce("announce route 2001:db8::/32 next-hop ::ffff:192.0.2.1").nextHop())
                    .as("the suggested form parses").isInstanceOf(NextHopSpec.Address.class);
        }

        @Test
        void bareAddressIsAHostRoute() {
            assertThat(prefixes(parse("announce route 10.0.0.1 next-hop self"))).containsExactly(Prefix.parse("10.0.0.1/32"));
            assertThat(prefixes(parse("announce route 2001:db8::1 next-hop self"))).containsExactly(Prefix.parse("2001:db8::1/128"));
        }

        @Test
        void announcementWithoutNextHopIsRefused() {
            CommandError e = refused("announce route 10.3.1.0/24");
            assertThat(e.message()).contains("next-hop");
            assertThat(e.token()).isEqualTo("10.3.1.0/24");
            assertThat(refused("announce route 2001:db8::/32 med 5").message()).contains("next-hop");
        }

        @Test
        void hostBitsAreRefusedNamingTheNetwork() {
            CommandError e = refused("announce route 10.0.0.1/24 next-hop self");
            assertThat(e.message()).contains("10.0.0.0/24");
            assertThat(e.column()).isEqualTo(15);
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.0.0.0/33", "2001:db8::/129", "10.0.0/24", "10.0.0.0/", "10.0.0.0/x"})
        void badPrefixesAreRefused(String prefix) {
            CommandError e = refused("announce route " + prefix + " next-hop self");
            assertThat(e.token()).isEqualTo(prefix);
            assertThat(e.message()).startsWith("bad prefix");
        }

        @Test
        void wordThatIsNoAddressIsRefused() {
            assertThat(refused("announce route default next-hop self").message()).contains("expected a prefix");
            assertThat(refused("announce route").message()).contains("prefix").contains("line ended");
        }

        @Test
        void multicastRangeIsRefusedBecauseExabgpMakesItIpv4Multicast() {
            assertThat(refused("announce route 224.1.0.0/16 next-hop self").message()).contains("multicast");
            assertThat(prefixes(parse("announce route 223.255.0.0/16 next-hop self"))).hasSize(1);
        }

        @Test
        void withdrawRouteNeedsNoNextHopAndIgnoresAttributes() {
            Command c = parse("withdraw route 10.0.1.0/24 next-hop 10.255.0.1 med 5 community [ 65000:1 ]");
            assertThat(c).isEqualTo(new Command.Withdraw(List.of(), List.of(NlriEntry.of(Prefix.parse("10.0.1.0/24")))));
            assertThat(parse("withdraw route 2001:db8:1::/48")).isInstanceOf(Command.Withdraw.class);
        }

        @Test
        void withdrawalAttributesAreStillChecked() {
            assertThat(refused("withdraw route 10.0.0.0/24 med x").token()).isEqualTo("x");
        }

        @Test
        void pathInformationAsNumberOrQuad() {
            assertThat(announce(R + "path-information 7").routes().getFirst().pathId()).isEqualTo(7);
            assertThat(announce(R + "path-information 0.0.1.2").routes().getFirst().pathId()).isEqualTo(258);
            assertThat(announce(R + "path-information 4294967295").routes().getFirst().pathId()).isEqualTo(0xFFFF_FFFFL);
            Command.Withdraw w = (Command.Withdraw) parse("withdraw route 10.0.0.0/24 path-information 1");
            assertThat(w.routes().getFirst().pathId()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"4294967296", "x", "1.2.3", "-1"})
        void badPathInformationIsRefused(String v) {
            assertThat(refused(R + "path-information " + v).token()).isEqualTo(v);
        }
    }

    @Nested
    class Attributes {
        @ParameterizedTest
        @CsvSource({"igp,IGP", "egp,EGP", "incomplete,INCOMPLETE", "IGP,IGP", "Egp,EGP"})
        void origin(String text, Origin expected) {
            assertThat(announce(R + "origin " + text).attributes().origin()).isEqualTo(expected);
        }

        @Test
        void badOrigin() {
            assertThat(refused(R + "origin bgp").message()).contains("igp, egp or incomplete");
            assertThat(refused(R + "origin").message()).contains("line ended");
        }

        @Test
        void asPathSingleAndList() {
            assertThat(announce(R + "as-path 65001").attributes().asPath()).isEqualTo(AsPath.ofSequence(65001));
            assertThat(announce(R + "as-path [ 65001 65010 4200000001 ]").attributes().asPath())
                    .isEqualTo(AsPath.ofSequence(65001, 65010, 4200000001L));
            assertThat(announce(R + "as-path [ ]").attributes().asPath()).isEqualTo(AsPath.EMPTY);
            assertThat(announce(R + "as-path [ 1, 2 ]").attributes().asPath()).isEqualTo(AsPath.ofSequence(1, 2));
        }

        @Test
        void asPathSetInParenthesesOrBrackets() {
            AsPath expected = new AsPath(List.of(new AsPathSegment(AsPathSegment.Type.AS_SEQUENCE, new int[] {65001}),
                    new AsPathSegment(AsPathSegment.Type.AS_SET, new int[] {65005, 65006})));
            assertThat(announce(R + "as-path [ 65001 ( 65005 65006 ) ]").attributes().asPath()).isEqualTo(expected);
            assertThat(announce(R + "as-path [ 65001 [ 65005 65006 ] ]").attributes().asPath()).isEqualTo(expected);
            assertThat(announce(R + "as-path [65001 (65005,65006)]").attributes().asPath()).isEqualTo(expected);
        }

        @Test
        void asPathSetKeepsItsPlace() {
            AsPath p = announce(R + "as-path [ 1 ( 2 3 ) 4 ]").attributes().asPath();
            assertThat(p.segments()).extracting(AsPathSegment::type).containsExactly(AsPathSegment.Type.AS_SEQUENCE,
                    AsPathSegment.Type.AS_SET, AsPathSegment.Type.AS_SEQUENCE);
        }

        @Test
        void rfc4271_s4_3_longAsPathIsSplitIn255AsSegments() {
            StringBuilder sb = new StringBuilder(R + "as-path [");
            for (int i = 0; i < 300; i++) {
                sb.append(' ').append(64512 + i);
            }
            AsPath p = announce(sb.append(" ]").toString()).attributes().asPath();
            assertThat(p.segments()).extracting(AsPathSegment::size).containsExactly(255, 45);
            assertThat(p.length()).isEqualTo(300);
        }

        @Test
        void badAsPaths() {
            assertThat(refused(R + "as-path [ 65001 4294967296 ]").token()).isEqualTo("4294967296");
            assertThat(refused(R + "as-path [ 65001 x ]").message()).contains("AS number");
            assertThat(refused(R + "as-path [ 65001 65002").message()).contains("']' closing the as-path");
            assertThat(refused(R + "as-path [ 1 ( 2 3 ]").message()).contains("closes with ')'");
            assertThat(refused(R + "as-path [ 1 ( 2 3").message()).contains("')' closing the AS_SET");
            assertThat(refused(R + "as-path ( 1 2 )").token()).isEqualTo("(");
            assertThat(refused(R + "as-path 1.10").message()).contains("decimal");
        }

        @Test
        void medAndLocalPreference() {
            assertThat(attributeHex(R + "med 50", 4)).isEqualTo("00000032");
            assertThat(attributeHex(R + "med 4294967295", 4)).isEqualTo("FFFFFFFF");
            assertThat(attributeHex(R + "local-preference 200", 5)).isEqualTo("000000C8");
        }

        @ParameterizedTest
        @ValueSource(strings = {"med", "local-preference"})
        void badMetrics(String keyword) {
            assertThat(refused(R + keyword + " 4294967296").message()).contains("above 4294967295");
            assertThat(refused(R + keyword + " -1").message()).contains("decimal");
            assertThat(refused(R + keyword + " 0x10").message()).contains("decimal");
            assertThat(refused(R + keyword).message()).contains("line ended");
        }

        @Test
        void atomicAggregate() {
            assertThat(announce(R + "atomic-aggregate").attributes().get(6)).isEqualTo(AtomicAggregate.INSTANCE);
        }

        @Test
        void aggregatorWithOrWithoutParentheses() {
            assertThat(attributeHex(R + "aggregator ( 65001:192.0.2.9 )", 7)).isEqualTo("0000FDE9C0000209");
            assertThat(attributeHex(R + "aggregator (4200000001:192.0.2.9)", 7)).isEqualTo("FA56EA01C0000209");
            assertThat(attributeHex(R + "aggregator 65001:192.0.2.9", 7)).isEqualTo("0000FDE9C0000209");
        }

        @Test
        void badAggregators() {
            assertThat(refused(R + "aggregator ( 65001:192.0.2.9").message()).contains("')' closing aggregator");
            assertThat(refused(R + "aggregator ( 65001:192.0.2.9 med 5").message()).contains("ends with ')'");
            assertThat(refused(R + "aggregator ( 65001 )").message()).contains("ASN:IPv4");
            assertThat(refused(R + "aggregator ( 65001:2001:db8::1 )").message()).contains("ASN:IPv4");
            assertThat(refused(R + "aggregator ( x:192.0.2.9 )").message()).contains("aggregator AS number");
            assertThat(refused(R + "aggregator ( 1:192.0.2 )").message()).contains("aggregator address");
        }

        @Test
        void originatorIdAndClusterList() {
            assertThat(attributeHex(R + "originator-id 192.0.2.7", 9)).isEqualTo("C0000207");
            assertThat(attributeHex(R + "cluster-list [ 192.0.2.7 192.0.2.8 ]", 10)).isEqualTo("C0000207C0000208");
            assertThat(attributeHex(R + "cluster-list 192.0.2.7", 10)).isEqualTo("C0000207");
        }

        @Test
        void badOriginatorIdAndClusterList() {
            assertThat(refused(R + "originator-id 2001:db8::1").message()).contains("IPv4");
            assertThat(refused(R + "cluster-list [ ]").message()).contains("at least one");
            assertThat(refused(R + "cluster-list [ 192.0.2.7 x ]").token()).isEqualTo("x");
            assertThat(refused(R + "cluster-list [ 192.0.2.7").message()).contains("']' closing the list");
        }

        @Test
        void rfc1997_communityForms() {
            assertThat(attributeHex(R + "community [ 65000:1 65000:2 ]", 8)).isEqualTo("FDE80001FDE80002");
            assertThat(attributeHex(R + "community 65000:1", 8)).isEqualTo("FDE80001");
            assertThat(attributeHex(R + "community [ no-export no-advertise no-export-subconfed ]", 8))
                    .isEqualTo("FFFFFF01FFFFFF02FFFFFF03");
            assertThat(attributeHex(R + "community [ nopeer no-peer blackhole NO-EXPORT ]", 8))
                    .isEqualTo("FFFFFF04FFFFFF04FFFF029AFFFFFF01");
            assertThat(attributeHex(R + "community [ 4294967295 0xFFFFFF01 0x10 ]", 8)).isEqualTo("FFFFFFFFFFFFFF0100000010");
            assertThat(attributeHex(R + "community [ 65000:1 65000:1 ]", 8)).as("duplicates kept, as ExaBGP")
                    .isEqualTo("FDE80001FDE80001");
        }

        @Test
        void emptyCommunityListsSendNoAttribute() {
            Command.Announce a = announce(R + "community [ ] large-community [ ] extended-community [ ]");
            assertThat(a.attributes().isEmpty()).isTrue();
        }

        @Test
        void badCommunities() {
            assertThat(refused(R + "community 1:70000").message()).contains("above 65535");
            assertThat(refused(R + "community 70000:1").message()).contains("above 65535");
            assertThat(refused(R + "community no-exports").message()).contains("no-export");
            assertThat(refused(R + "community 0x1FFFFFFFF").message()).contains("above 4294967295");
            assertThat(refused(R + "community 4294967296").message()).contains("above 4294967295");
            assertThat(refused(R + "community :1").token()).isEqualTo(":1");
            assertThat(refused(R + "community [ 65000:1 , 65000:2 ]").token()).isEqualTo(",");
            assertThat(refused(R + "community [ 65000:1 [ 1:1 ] ]").message()).contains("do not nest");
        }

        @Test
        void rfc8092_largeCommunities() {
            assertThat(attributeHex(R + "large-community [ 65000:1:2 4200000001:3:4 ]", 32))
                    .isEqualTo("0000FDE80000000100000002FA56EA010000000300000004");
            assertThat(attributeHex(R + "large-community 1:2:3", 32)).isEqualTo("000000010000000200000003");
            assertThat(attributeHex(R + "large-community [ 1:2:3 1:2:3 ]", 32)).as("ExaBGP sends a repeat once")
                    .isEqualTo("000000010000000200000003");
            assertThat(attributeHex(R + "large-community 18446744073709551619", 32)).isEqualTo("000000010000000000000003");
            assertThat(attributeHex(R + "large-community 0x000000010000000200000003", 32)).isEqualTo("000000010000000200000003");
        }

        @Test
        void badLargeCommunities() {
            assertThat(refused(R + "large-community 1:2").message()).contains("GLOBAL:LOCAL1:LOCAL2");
            assertThat(refused(R + "large-community 1:2:3:4").message()).contains("GLOBAL:LOCAL1:LOCAL2");
            assertThat(refused(R + "large-community 4294967296:1:1").message()).contains("global administrator");
            assertThat(refused(R + "large-community 1:1:x").message()).contains("local data 2");
            assertThat(refused(R + "large-community 0x1000000000000000000000000").message()).contains("96 bits");
            assertThat(refused(R + "large-community x").message()).contains("96-bit");
        }

        @ParameterizedTest
        @CsvSource({
            "target:65000:100,          0002FDE800000064",
            "65000:100,                 0002FDE800000064",
            "origin:65000:101,          0003FDE800000065",
            "target:192.0.2.1:7,        0102C00002010007",
            "origin:192.0.2.1:8,        0103C00002010008",
            "target:65000:1.2.3.4,      0002FDE801020304",
            "origin:65000:1.2.3.4,      0003FDE801020304",
            "target:4200000001L:9,      0202FA56EA010009",
            "target:4200000001:9,       0202FA56EA010009",
            "target:70000:9,            0202000111700009",
            "target:1L:9,               0202000000010009",
            "target:1l:9,               0202000000010009",
            "origin:1L:9,               0203000000010009",
            "target4:1:2,               0202000000010002",
            "origin4:5:6,               0203000000050006",
            "redirect:65000:200,        8008FDE8000000C8",
            "l2info:1:2:3:4,            800A010200030004",
            "bandwidth:65000:1000,      4004FDE8447A0000",
            "redirect-to-nexthop,       0800000000000000",
            "0x0002FDE800000066,        0002FDE800000066",
        })
        void rfc4360_extendedCommunityForms(String text, String hex) {
            assertThat(attributeHex(R + "extended-community [ " + text + " ]", 16)).isEqualTo(hex);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "0x0002FDE8|8 octets",
            "0x0002FDE80000006|even number",
            "foo:1:2|kind 'foo'",
            "target:1:2:3|takes 2 fields",
            "l2info:1:2|takes 4 fields",
            "target:65000:4294967296|above 4294967295",
            "target:4200000001:65536|above 65535",
            "target:70000:1.2.3.4|above 65535",
            "target:1.2.3.4:1.2.3.4|both sides",
            "target:1.2.3:5|address",
            "redirect:70000:1|above 65535",
            "bandwidth:65000:-1|bytes per second",
            "l2info:256:0:0:0|above 255",
            "65000|KIND:GLOBAL:LOCAL",
        })
        void badExtendedCommunities(String text, String message) {
            CommandError e = refused(R + "extended-community [ " + text + " ]");
            assertThat(e.message()).contains(message);
            assertThat(e.token()).isEqualTo(text);
        }

        @Test
        void genericAttributeOfUnknownTypeIsSentRaw() {
            Command.Announce a = announce(R + "attribute [ 0x63 0xc0 0x010203 ]");
            assertThat(a.attributes().get(0x63)).isEqualTo(new UnknownAttribute(0xC0, 0x63, new byte[] {1, 2, 3}));
            assertThat(announce(R + "attribute [0x63 0x80 0x]").attributes().get(0x63))
                    .isEqualTo(new UnknownAttribute(0x80, 0x63, new byte[0]));
        }

        @Test
        void genericAttributeOfKnownTypeBecomesThatType() {
            assertThat(announce(R + "attribute [ 0x08 0xC0 0xFDE80001 ]").attributes().communities())
                    .isEqualTo(Communities.of(0xFDE80001));
            assertThat(attributeHex(R + "attribute [ 0x04 0x80 0x00000005 ]", 4)).isEqualTo("00000005");
        }

        @Test
        void badGenericAttributes() {
            assertThat(refused(R + "attribute [ 0x63 0x40 0x01 ]").message()).contains("RFC 4271 §6.3");
            assertThat(refused(R + "attribute [ 0x02 0x40 0x0201FDE9 ]").message()).contains("as-path");
            assertThat(refused(R + "attribute [ 0x03 0x40 0x0A000001 ]").message()).contains("next-hop");
            assertThat(refused(R + "attribute [ 0x0E 0x80 0x00 ]").message()).contains("next-hop");
            assertThat(refused(R + "attribute [ 0x08 0xC0 0x010203 ]").message()).contains("malformed");
            assertThat(refused(R + "attribute [ 0x08 0x40 0x01020304 ]").message()).contains("malformed");
            assertThat(refused(R + "attribute [ 63 0xc0 0x01 ]").message()).contains("0x");
            assertThat(refused(R + "attribute [ 0x0163 0xc0 0x01 ]").message()).contains("one octet");
            assertThat(refused(R + "attribute [ 0x63 0xc0 0x012 ]").message()).contains("even number");
            assertThat(refused(R + "attribute [ 0x63 0xc0 0x01").message()).contains("']' closing the attribute");
            assertThat(refused(R + "attribute [ 0x63 0xc0 0x01 0x02 ]").message()).contains("ends with ']'");
            assertThat(refused(R + "attribute 0x63 0xc0 0x01").message()).contains("start with '['");
        }

        @Test
        void rfc7311_aigpIsOneTlvWithTheMetric() {
            assertThat(valueHex(announce(R + "aigp 1000").attributes().get(26))).isEqualTo("01000B00000000000003E8");
            assertThat(valueHex(announce(R + "aigp 0x10").attributes().get(26))).isEqualTo("01000B0000000000000010");
            assertThat(announce(R + "aigp 5").attributes().get(26).flags()).isEqualTo(0x80);
            assertThat(refused(R + "aigp x").message()).contains("aigp metric");
        }

        @Test
        void repeatedKeywordIsRefused() {
            CommandError e = refused(R + "med 1 med 2");
            assertThat(e.message()).isEqualTo("med is given twice");
            assertThat(e.column()).isEqualTo(R.length() + 6);
            assertThat(refused(R + "next-hop 192.0.2.2").message()).contains("twice");
            assertThat(refused(R + "community 1:1 attribute [ 0x08 0xC0 0x00010002 ]").message()).contains("already set");
        }

        @Test
        void unknownAndUnsupportedKeywords() {
            assertThat(refused(R + "colour red").message()).startsWith("unknown keyword 'colour'");
            assertThat(refused(R + "rd 65000:1").message()).contains("VPN");
            assertThat(refused(R + "label 100").message()).contains("labelled");
            assertThat(refused(R + "watchdog dog").message()).contains("watchdog");
            assertThat(refused(R + "withdraw").message()).contains("watchdog");
            assertThat(refused(R + "ORIGIN igp").message()).as("keywords are lower case, as in ExaBGP").contains("unknown");
        }

        @Test
        void nameIsALabelOnly() {
            assertThat(announce(R + "name my-route").attributes().isEmpty()).isTrue();
            assertThat(announce(R + "name \"two words\" med 5").attributes().med()).isNotNull();
        }

        @Test
        void everyKeywordAtOnce() {
            Command.Announce a = announce("announce route 10.0.22.0/24 next-hop self origin egp as-path [ 65001 4200000001 ] "
                    + "med 7 local-preference 9 atomic-aggregate aggregator ( 65001:192.0.2.9 ) community [ 65000:7 no-export ] "
                    + "large-community [ 65000:7:7 ] extended-community [ target:65000:7 ] originator-id 192.0.2.7 "
                    + "cluster-list [ 192.0.2.8 ] attribute [ 0x63 0xc0 0x01 ] aigp 1");
            assertThat(a.attributes().asList()).extracting(x -> x.typeCode())
                    .containsExactly(1, 2, 4, 5, 6, 7, 8, 9, 10, 16, 26, 32, 0x63);
        }
    }

    @Nested
    class Split {
        @Test
        void splitCutsThePrefixIntoMoreSpecificsInAddressOrder() {
            assertThat(prefixes(parse(R + "split /26"))).containsExactly(Prefix.parse("10.0.0.0/26"),
                    Prefix.parse("10.0.0.64/26"), Prefix.parse("10.0.0.128/26"), Prefix.parse("10.0.0.192/26"));
            assertThat(prefixes(parse(R + "split /24"))).containsExactly(Prefix.parse("10.0.0.0/24"));
            assertThat(prefixes(parse(R + "split /16"))).containsExactly(Prefix.parse("10.0.0.0/24"));
        }

        @Test
        void splitKeepsThePathIdentifier() {
            assertThat(announce(R + "split /25 path-information 9").routes()).extracting(NlriEntry::pathId).containsExactly(9L, 9L);
        }

        @Test
        void splitIpv6AcrossTheWordBoundary() {
            assertThat(prefixes(parse("announce route 2001:db8::/63 next-hop ::1 split /65"))).containsExactly(
                    Prefix.parse("2001:db8::/65"), Prefix.parse("2001:db8::8000:0:0:0/65"),
                    Prefix.parse("2001:db8:0:1::/65"), Prefix.parse("2001:db8:0:1:8000::/65"));
            assertThat(prefixes(parse("announce route 2001:db8::/126 next-hop ::1 split /128"))).containsExactly(
                    Prefix.parse("2001:db8::/128"), Prefix.parse("2001:db8::1/128"), Prefix.parse("2001:db8::2/128"),
                    Prefix.parse("2001:db8::3/128"));
        }

        @Test
        void badSplits() {
            assertThat(refused(R + "split 26").message()).contains("/LENGTH");
            assertThat(refused(R + "split /33").message()).contains("longer than");
            assertThat(refused(R + "split /x").message()).contains("split length");
            assertThat(refused("announce route 10.0.0.0/8 next-hop self split /32").message()).contains("65536");
        }
    }

    @Nested
    class AttributesNlri {
        @Test
        void announceAttributesSharesEverythingAcrossPrefixes() {
            Command.Announce a = announce("announce attributes next-hop 10.255.0.1 origin igp as-path [ 65001 ] "
                    + "path-information 5 nlri 10.1.0.0/24 10.1.1.0/24 10.1.4.128/25");
            assertThat(a.routes()).extracting(NlriEntry::prefix).containsExactly(Prefix.parse("10.1.0.0/24"),
                    Prefix.parse("10.1.1.0/24"), Prefix.parse("10.1.4.128/25"));
            assertThat(a.routes()).extracting(NlriEntry::pathId).containsOnly(5L);
            assertThat(a.attributes().origin()).isEqualTo(Origin.IGP);
            assertThat(announce("announce attribute next-hop self nlri 10.0.0.0/8").routes()).hasSize(1);
        }

        @Test
        void withdrawAttributes() {
            Command c = parse("withdraw attributes med 5 nlri 2001:db8:10::/48 2001:db8:11::/48");
            assertThat(prefixes(c)).hasSize(2);
            assertThat(c.family()).isEqualTo(Family.IPV6_UNICAST);
        }

        @Test
        void badAttributesCommands() {
            assertThat(refused("announce attributes next-hop self med 5").message()).contains("'nlri'");
            assertThat(refused("announce attributes next-hop self nlri").message()).contains("prefix after nlri");
            assertThat(refused("announce attributes med 5 nlri 10.0.0.0/24").message()).contains("next-hop");
            CommandError mixed = refused("announce attributes next-hop self nlri 10.0.0.0/24 2001:db8::/32");
            assertThat(mixed.message()).contains("one family");
            assertThat(mixed.token()).isEqualTo("2001:db8::/32");
            assertThat(refused("withdraw attribute nlri 10.0.0.0/24").message()).contains("route or attributes");
        }
    }

    @Nested
    class Selectors {
        private final PeerSelector.PeerIdentity peer = new PeerSelector.PeerIdentity(IpAddress.parse("10.255.0.2"),
                IpAddress.parse("10.255.0.1"), 65001, 65002, Ipv4Address.parse("10.255.0.1"));

        @Test
        void oneNeighbor() {
            Command c = parse("neighbor 10.255.0.2 announce route 10.2.0.0/24 next-hop self");
            assertThat(c.peers()).containsExactly(PeerSelector.neighbor(IpAddress.parse("10.255.0.2")));
            assertThat(c.peers().getFirst().matches(peer)).isTrue();
            assertThat(parse("neighbor 10.255.0.9 announce route 10.2.1.0/24 next-hop self").peers().getFirst().matches(peer))
                    .isFalse();
        }

        @Test
        void criteriaOfOneSelectorMustAllMatch() {
            Command c = parse("neighbor 10.255.0.2 local-ip 10.255.0.1 local-as 65001 peer-as 65002 router-id 10.255.0.1 "
                    + "family-allowed in-open withdraw route 10.0.0.0/24");
            assertThat(c.peers()).hasSize(1);
            assertThat(c.peers().getFirst().criteria()).hasSize(6);
            assertThat(c.peers().getFirst().matches(peer)).isTrue();
            assertThat(parse("neighbor 10.255.0.2 peer-as 65003 withdraw route 10.0.0.0/24").peers().getFirst().matches(peer))
                    .isFalse();
            assertThat(parse("neighbor 10.255.0.2 neighbor 10.255.0.3 withdraw route 10.0.0.0/24").peers().getFirst()
                    .matches(peer)).as("ExaBGP ANDs them: no peer has two addresses").isFalse();
        }

        @Test
        void commaSeparatesAlternatives() {
            Command c = parse("neighbor 10.255.0.3 , neighbor 10.255.0.2 announce route 10.0.0.0/24 next-hop self");
            assertThat(c.peers()).hasSize(2);
            assertThat(c.peers().stream().anyMatch(s -> s.matches(peer))).isTrue();
        }

        @Test
        void addressesCompareAsAddresses() {
            PeerSelector s = parse("neighbor 2001:DB8::0002 withdraw route 10.0.0.0/24").peers().getFirst();
            assertThat(s.matches(new PeerSelector.PeerIdentity(IpAddress.parse("2001:db8::2"), IpAddress.parse("2001:db8::1"),
                    1, 2, Ipv4Address.parse("1.1.1.1")))).isTrue();
        }

        @Test
        void badSelectors() {
            assertThat(refused("neighbor 10.255.0 announce route 10.0.0.0/24 next-hop self").message()).contains("neighbor");
            assertThat(refused("neighbor 10.255.0.2 local-as x announce route 10.0.0.0/24 next-hop self").message())
                    .contains("local-as");
            assertThat(refused("neighbor 10.255.0.2 router-id 2001:db8::1 announce route 10.0.0.0/24 next-hop self")
                    .message()).contains("IPv4");
            assertThat(refused("neighbor 10.255.0.2 , announce route 10.0.0.0/24 next-hop self").message())
                    .contains("after ','");
            assertThat(refused("neighbor").message()).contains("neighbor needs a value");
        }
    }

    @Nested
    class CommandWords {
        @Test
        void endOfRib() {
            assertThat(parse("announce eor")).isEqualTo(new Command.EndOfRib(List.of(), Family.IPV4_UNICAST));
            assertThat(parse("announce eor ipv6 unicast")).isEqualTo(new Command.EndOfRib(List.of(), Family.IPV6_UNICAST));
            assertThat(refused("announce eor ipv4 flow").message()).contains("ipv4 flow");
            assertThat(refused("announce eor ipv4").message()).contains("SAFI");
            assertThat(refused("announce eor ipv4 unicast now").message()).contains("unexpected word");
        }

        @Test
        void unknownCommands() {
            assertThat(refused("").message()).contains("announce or withdraw");
            assertThat(refused("show neighbor summary").message()).contains("expected announce or withdraw");
            assertThat(refused("announce").message()).contains("line ended");
            assertThat(refused("announce flow route { match { } }").token()).isEqualTo("{");
            assertThat(refused("announce vpls 10.0.0.0/24").message()).contains("'announce vpls'");
            assertThat(refused("withdraw eor").message()).contains("'withdraw eor'");
        }
    }

    @Nested
    class Words {
        @Test
        void bracketsAndParenthesesNeedNoSpaces() {
            Command.Announce a = announce("announce route 10.0.0.0/24 next-hop self as-path [65001 65002] "
                    + "community [65000:1] aggregator (65001:192.0.2.9)");
            assertThat(a.attributes().asPath()).isEqualTo(AsPath.ofSequence(65001, 65002));
            assertThat(a.attributes().communities()).isEqualTo(Communities.of(0xFDE80001));
            assertThat(a.attributes().aggregator()).isNotNull();
        }

        @Test
        void whitespaceSemicolonAndComment() {
            assertThat(announce("  announce\troute 10.0.0.0/24   next-hop self ;").routes()).hasSize(1);
            assertThat(announce("announce route 10.0.0.0/24 next-hop self # a comment med x").attributes().isEmpty()).isTrue();
            assertThat(announce("announce route 10.0.0.0/24 next-hop self; # done").routes()).hasSize(1);
        }

        @Test
        void statementSeparatorsAndBracesAreRefused() {
            CommandError e = refused("announce route 10.0.0.0/24 next-hop self; announce route 10.0.1.0/24 next-hop self");
            assertThat(e.token()).isEqualTo(";");
            assertThat(e.column()).isEqualTo(40);
            assertThat(refused("announce route 10.0.0.0/24 next-hop self }").message()).contains("configuration block");
            assertThat(refused("announce route 10.0.0.0/24 next-hop self name \"open").message()).contains("quoted");
        }

        @Test
        void errorTextSaysWhereAndWhat() {
            CommandError e = refused("announce route 10.0.0.0/24 next-hop self med x");
            assertThat(e).isEqualTo(new CommandError("med must be a decimal number from 0 to 4294967295, not 'x'", "x", 45));
            assertThat(e.toString()).isEqualTo("med must be a decimal number from 0 to 4294967295, not 'x' (at column 46, 'x')");
            assertThat(refused("announce route 10.0.0.0/24 next-hop self med").toString()).endsWith("(at end of line)");
        }
    }
}
