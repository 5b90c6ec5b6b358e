package dev.podbgp.daemon.cni;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.Prefix;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodbgpNftTableTest {

    @Test
    void ipv4Only_script_golden() {
        PodbgpNftTable t = new PodbgpNftTable(List.of(Prefix.parse("10.240.0.0/16")));
        assertThat(t.script()).isEqualTo("""
                table inet podbgp
                delete table inet podbgp
                table inet podbgp {
                \tset cluster4 {
                \t\ttype ipv4_addr
                \t\tflags interval
                \t\telements = { 10.240.0.0/16 }
                \t}
                \tchain forward {
                \t\ttype filter hook forward priority filter; policy accept;
                \t\tip saddr @cluster4 counter accept
                \t\tip daddr @cluster4 counter accept
                \t}
                \tchain postrouting {
                \t\ttype nat hook postrouting priority srcnat; policy accept;
                \t\tip saddr @cluster4 ip daddr != @cluster4 counter masquerade
                \t}
                }
                """);
    }

    @Test
    void coveredAndDuplicateCidrs_collapse_becauseAnIntervalSetRefusesOverlaps() {
        PodbgpNftTable t = new PodbgpNftTable(List.of(Prefix.parse("fd00:240::/48"), Prefix.parse("10.240.1.0/24"),
                Prefix.parse("10.240.0.0/16"), Prefix.parse("10.241.0.0/16"), Prefix.parse("10.240.0.0/16")));
        assertThat(t.clusterPodCidrs()).extracting(Prefix::toString)
                .containsExactly("10.240.0.0/16", "10.241.0.0/16", "fd00:240::/48");
        assertThat(t.script())
                .contains("elements = { 10.240.0.0/16, 10.241.0.0/16 }")
                .contains("elements = { fd00:240::/48 }")
                .contains("ip6 saddr @cluster6 ip6 daddr != @cluster6 counter masquerade");
    }

    @Test
    void deleteScript_isIdempotentByCreatingFirst() {
        // "delete table" alone fails when the table is absent; declaring it first makes it a no-op
        assertThat(PodbgpNftTable.deleteScript()).isEqualTo("table inet podbgp\ndelete table inet podbgp\n");
    }
}
