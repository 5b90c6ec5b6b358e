package dev.podbgp.bgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UpdatePackerTest {

    static final SessionCapabilities AS4 = SessionCapabilities.FOUR_OCTET_AS;
    static final PathAttributes ATTRS = PathAttributes.of(Origin.IGP, AsPath.ofSequence(65001, 65002));

    static List<NlriEntry> v4(int n) {
        return IntStream.range(0, n).mapToObj(i -> NlriEntry.of(Ipv4Prefix.masked(0x0A000000 | i << 8, 24))).toList();
    }

    static List<NlriEntry> v6(int n) {
        return IntStream.range(0, n).mapToObj(i -> NlriEntry.of(
                Ipv6Prefix.masked(0x20010DB800000000L | (long) i << 16, 0, 48))).toList();
    }

    static int size(Update u, SessionCapabilities caps) {
        return 19 + u.bodyLength(caps);
    }

    static List<NlriEntry> announcedEntries(List<Update> updates) {
        List<NlriEntry> out = new ArrayList<>();
        updates.forEach(u -> u.announced().forEach(n -> out.addAll(n.entries())));
        return out;
    }

    @Test
    void rfc4271_s4_ipv4PrefixesFillEachMessageUpTo4096Octets() {
        List<NlriEntry> entries = v4(3000);
        List<Update> updates = UpdatePacker.announce(Family.IPV4_UNICAST, ATTRS, IpAddress.parse("192.0.2.1"), null,
                entries, AS4);
        // Attributes: ORIGIN 4, AS_PATH 3+10, NEXT_HOP 7 = 24; room for (4096-19-4-24)/4 = 1012 /24s,
        // and the 1013th would need 4 octets where 1 is left.
        assertThat(updates).hasSize(3);
        assertThat(updates.getFirst().nlri().count()).isEqualTo(1012);
        assertThat(size(updates.getFirst(), AS4)).isEqualTo(4095);
        assertThat(updates).allSatisfy(u -> assertThat(size(u, AS4)).isLessThanOrEqualTo(4096));
        assertThat(announcedEntries(updates)).isEqualTo(entries);
        assertThat(updates.getFirst().attributes().nextHop()).isNotNull();
    }

    @Test
    void rfc8654_extendedMessagesTakeEverythingInOne() {
        SessionCapabilities big = AS4.withExtendedMessage(true);
        List<Update> updates = UpdatePacker.announce(Family.IPV4_UNICAST, ATTRS, IpAddress.parse("192.0.2.1"), null,
                v4(3000), big);
        assertThat(updates).hasSize(1);
        assertThat(size(updates.getFirst(), big)).isLessThanOrEqualTo(65535);
    }

    @Test
    void rfc4760_ipv6PrefixesGoInMpReachWithExtendedLengthWhenLarge() {
        List<NlriEntry> entries = v6(2000);
        List<Update> updates = UpdatePacker.announce(Family.IPV6_UNICAST, ATTRS, IpAddress.parse("2001:db8::1"),
                Ipv6Address.parse("fe80::1"), entries, AS4);
        assertThat(updates).allSatisfy(u -> {
            assertThat(size(u, AS4)).isLessThanOrEqualTo(4096);
            assertThat(u.nlri().isEmpty()).isTrue();
            assertThat(u.attributes().mpReach().linkLocalNextHop()).isEqualTo(Ipv6Address.parse("fe80::1"));
        });
        // 7 octets per /48 after header 19, lengths 4, ORIGIN+AS_PATH 17, MP header 4 (extended)
        // and MP fixed fields 37: (4096-81)/7 = 573 per message, 4 octets to spare.
        assertThat(updates.getFirst().attributes().mpReach().nlri().count()).isEqualTo(573);
        assertThat(size(updates.getFirst(), AS4)).isEqualTo(4092);
        assertThat(announcedEntries(updates)).isEqualTo(entries);
    }

    @Test
    void rfc8950_ipv4PrefixesWithIpv6NextHopGoInMpReach() {
        List<Update> updates = UpdatePacker.announce(Family.IPV4_UNICAST, ATTRS, IpAddress.parse("2001:db8::1"),
                null, v4(3), AS4);
        assertThat(updates).hasSize(1);
        assertThat(updates.getFirst().attributes().mpReach().family()).isEqualTo(Family.IPV4_UNICAST);
        assertThat(updates.getFirst().nlri().isEmpty()).isTrue();
    }

    @Test
    void rfc7606_s5_1_withdrawalsTravelAloneInTheirOwnField() {
        List<Update> v4 = UpdatePacker.withdraw(Family.IPV4_UNICAST, v4(2000), AS4);
        assertThat(v4).allSatisfy(u -> {
            assertThat(u.attributes().isEmpty()).isTrue();
            assertThat(size(u, AS4)).isLessThanOrEqualTo(4096);
        });
        assertThat(v4.getFirst().withdrawn().count()).isEqualTo((4096 - 23) / 4);
        List<Update> v6 = UpdatePacker.withdraw(Family.IPV6_UNICAST, v6(1000), AS4);
        assertThat(v6).allSatisfy(u -> {
            assertThat(u.withdrawn().isEmpty()).isTrue();
            assertThat(u.attributes().asList()).hasSize(1);
        });
        assertThat(v6.stream().mapToInt(u -> u.attributes().mpUnreach().withdrawn().count()).sum()).isEqualTo(1000);
    }

    @Test
    void rfc7911_pathIdentifiersAreWrittenWhenSending() {
        SessionCapabilities addPath = AS4.withAddPath(Set.of(), Set.of(Family.IPV4_UNICAST));
        List<Update> updates = UpdatePacker.announce(Family.IPV4_UNICAST, ATTRS, IpAddress.parse("192.0.2.1"), null,
                List.of(new NlriEntry(1, Ipv4Prefix.parse("10.0.0.0/24")), new NlriEntry(2, Ipv4Prefix.parse("10.0.0.0/24"))),
                addPath);
        assertThat(updates.getFirst().nlri().hasPathIds()).isTrue();
        assertThat(updates.getFirst().nlri().encodedLength()).isEqualTo(2 * 8);
    }

    @Test
    void attributesTooLargeForAnyPrefixAreRefused() {
        PathAttributes huge = ATTRS.with(new Communities(new int[1020]));
        assertThatThrownBy(() -> UpdatePacker.announce(Family.IPV4_UNICAST, huge, IpAddress.parse("192.0.2.1"), null,
                v4(1), AS4)).hasMessageContaining("no room");
    }
}
