package dev.podbgp.daemon.run;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.daemon.process.RouteSink;
import dev.podbgp.daemon.speaker.Speaker;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.PeerScope;
import java.util.List;

/** Helpers' route commands go where the control socket's go: the speaker's origination. */
record SpeakerRoutes(Speaker speaker) implements RouteSink {

    @Override
    public void announce(Command.Announce announce, PeerScope scope) {
        speaker.originate(announce, scope);
    }

    @Override
    public void withdraw(Command.Withdraw withdraw, PeerScope scope) {
        speaker.withdrawOriginated(withdraw, scope);
    }

    @Override
    public void forget(List<Prefix> prefixes, PeerScope scope) {
        speaker.forgetOriginated(prefixes, scope);
    }
}
