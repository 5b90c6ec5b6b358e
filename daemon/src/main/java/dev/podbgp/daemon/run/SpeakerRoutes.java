package dev.podbgp.daemon.run;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.daemon.process.RouteSink;
import dev.podbgp.daemon.speaker.Speaker;

/** Helpers' route commands go where the control socket's go: the speaker's origination. */
record SpeakerRoutes(Speaker speaker) implements RouteSink {

    @Override
    public void announce(Command.Announce announce) {
        speaker.originate(announce);
    }

    @Override
    public void withdraw(Command.Withdraw withdraw) {
        speaker.withdrawOriginated(withdraw);
    }
}
