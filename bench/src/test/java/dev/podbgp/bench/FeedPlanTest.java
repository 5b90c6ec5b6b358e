package dev.podbgp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.Prefix;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The feeders' UPDATEs, decoded by podbgp's own decoder: what each announces and withdraws. */
class FeedPlanTest {

    private static List<Update> decode(byte[][] messages) {
        return Arrays.stream(messages)
                .map(m -> Update.decodeBody(m, UpdateStream.HEADER, m.length - UpdateStream.HEADER, UpdateStream.CAPS).orThrow())
                .toList();
    }

    private static Set<Prefix> announced(List<Update> updates) {
        Set<Prefix> out = new HashSet<>();
        for (Update u : updates) {
            out.addAll(u.nlri().prefixes());
            if (u.attributes().mpReach() != null) {
                out.addAll(u.attributes().mpReach().nlri().prefixes());
            }
        }
        return out;
    }

    private static Set<Prefix> withdrawn(List<Update> updates) {
        Set<Prefix> out = new HashSet<>();
        for (Update u : updates) {
            out.addAll(u.withdrawn().prefixes());
            if (u.attributes().mpUnreach() != null) {
                out.addAll(u.attributes().mpUnreach().withdrawn().prefixes());
            }
        }
        return out;
    }

    @Test
    void sharedFeedersAnnounceTheSamePrefixesUnderTheirOwnAttributes() {
        FeedPlan plan = new FeedPlan(2, 4000, 2000, true);
        List<Update> first = decode(plan.announcements(0));
        List<Update> second = decode(plan.announcements(1));

        assertThat(announced(first)).hasSize(6000).isEqualTo(announced(second));
        assertThat(first.getFirst().attributes().asPath().firstAs()).isEqualTo(65001);
        assertThat(second.getFirst().attributes().asPath().firstAs()).isEqualTo(65002);
        // Different seeds: the same prefixes arrive with other AS paths or MEDs, so best-path has work.
        long differing = IntStream.range(0, first.size())
                .filter(i -> !first.get(i).attributes().equals(second.get(i).attributes())).count();
        assertThat(differing).isGreaterThan(first.size() * 9L / 10);
        assertThat(plan.ribRoutes()).isEqualTo(12_000);
        assertThat(plan.fibIpv4() + plan.fibIpv6()).isEqualTo(6000);
    }

    @Test
    void disjointFeedersAnnounceBlocksOfTheirOwn() {
        FeedPlan plan = new FeedPlan(3, 2000, 0, false);
        Set<Prefix> all = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Set<Prefix> mine = announced(decode(plan.announcements(i)));
            assertThat(mine).hasSize(2000);
            assertThat(all).doesNotContainAnyElementsOf(mine);
            all.addAll(mine);
        }
        assertThat(plan.fibIpv4()).isEqualTo(6000);
        assertThat(plan.ribRoutes()).isEqualTo(6000);
    }

    @Test
    void withdrawalsTakeBackExactlyWhatWasAnnounced() {
        FeedPlan plan = new FeedPlan(2, 3000, 1000, false);
        for (int i = 0; i < 2; i++) {
            assertThat(withdrawn(decode(plan.withdrawals(i)))).isEqualTo(announced(decode(plan.announcements(i))));
        }
    }

    @Test
    void oneFeederSendsTheStreamEarlierRunsSent() {
        byte[][] plan = new FeedPlan(1, 10_000, 0, false).announcements(0);
        byte[][] before = UpdateStream.messages(1000, 10);
        assertThat(plan).isDeepEqualTo(before);
    }

    @Test
    void refusesWhatItCannotFeed() {
        assertThatThrownBy(() -> new FeedPlan(51, 1000, 0, false)).hasMessageContaining("--feeders");
        assertThatThrownBy(() -> new FeedPlan(1, 1500, 0, false)).hasMessageContaining("--prefixes");
        assertThatThrownBy(() -> new FeedPlan(1, 1000, 501_000, false)).hasMessageContaining("--ipv6-prefixes");
        assertThatThrownBy(() -> new FeedPlan(50, 200_000, 0, false)).hasMessageContaining("7M");
    }
}
