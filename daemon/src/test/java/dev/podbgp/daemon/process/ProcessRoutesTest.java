package dev.podbgp.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.exabgp.CommandParser;
import dev.podbgp.bgp.exabgp.ParseResult;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessRoutesTest {

    private final RecordingSink sink = new RecordingSink();
    private final ProcessRoutes routes = new ProcessRoutes(sink);

    private static Command.Announce announce(String prefixes) {
        return (Command.Announce) ((ParseResult.Parsed) CommandParser.parse(
                "announce attributes next-hop self nlri " + prefixes)).command();
    }

    @Test
    void releasingAHelper_withdrawsWhatItOwns_perFamily_andNothingElse() {
        routes.announce("a", announce("192.0.2.1/32 192.0.2.2/32"));
        routes.announce("a", announce("2001:db8::1/128"));
        routes.announce("b", announce("192.0.2.3/32"));
        // b announces a's prefix last: b owns it now.
        routes.announce("b", announce("192.0.2.2/32"));
        sink.commands.clear();

        assertThat(routes.release("a")).containsExactlyInAnyOrder(Prefix.parse("192.0.2.1/32"), Prefix.parse("2001:db8::1/128"));
        List<Prefix> withdrawn = new ArrayList<>();
        for (Command c : sink.commands) {
            assertThat(c).isInstanceOf(Command.Withdraw.class);
            c.peers().forEach(p -> { throw new AssertionError("a release goes to every peer"); });
            ((Command.Withdraw) c).routes().stream().map(NlriEntry::prefix).forEach(withdrawn::add);
        }
        assertThat(sink.commands).hasSize(2);
        assertThat(withdrawn).containsExactlyInAnyOrder(Prefix.parse("192.0.2.1/32"), Prefix.parse("2001:db8::1/128"));
        assertThat(routes.ownedBy("b")).containsExactly(Prefix.parse("192.0.2.2/32"), Prefix.parse("192.0.2.3/32"));
        assertThat(routes.release("a")).isEmpty();
    }

    @Test
    void whatTheOperatorTookOver_staysWhenTheHelperDies() {
        routes.announce("a", announce("192.0.2.1/32 192.0.2.2/32"));
        routes.takenOver(List.of(Prefix.parse("192.0.2.1/32")));
        sink.commands.clear();
        assertThat(routes.release("a")).containsExactly(Prefix.parse("192.0.2.2/32"));
    }
}
