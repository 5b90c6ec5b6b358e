package dev.podbgp.config;

import java.util.List;
import java.util.Objects;

/**
 * One helper program podbgp runs and supervises, as ExaBGP's {@code process} section and its {@code api} block
 * describe it: the program speaks ExaBGP's API (text commands on its stdout, events on its stdin).
 *
 * @param name    unique among the processes; names its log lines and its routes
 * @param run     the program (an absolute path) and its arguments, run without a shell
 * @param encoder how events are written to the program's stdin
 * @param ack     whether each command is answered {@code done} or {@code error} on the program's stdin
 *                (ExaBGP's {@code exabgp.api.ack}, on by default)
 * @param respawn whether the program is started again when it exits (ExaBGP's {@code respawn}, on by default)
 * @param receive which events the program is sent
 */
public record ProcessSpec(String name, List<String> run, Encoder encoder, boolean ack, boolean respawn,
                          Receive receive) {

    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        run = List.copyOf(run);
        if (run.isEmpty()) {
            throw new IllegalArgumentException("a process needs a program to run");
        }
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(receive, "receive");
    }

    /** ExaBGP's {@code encoder}: the format of what the program reads. */
    public enum Encoder {
        JSON,
        TEXT
    }

    /**
     * The events of ExaBGP's {@code api} block. Messages are always decoded (ExaBGP's {@code parsed}); raw packets
     * are not offered.
     *
     * @param neighborChanges session state: connected, up, down (ExaBGP's {@code neighbor-changes})
     * @param negotiated      what each session negotiated, once it is established
     * @param update          every UPDATE received from a peer
     */
    public record Receive(boolean neighborChanges, boolean negotiated, boolean update) {
        public static final Receive NOTHING = new Receive(false, false, false);
    }
}
