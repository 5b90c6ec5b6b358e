package dev.podbgp.lab.peer;

import java.util.Locale;

/** RFC 4271 §8.2.2 session states, as the fixtures read them back from each daemon. */
public enum SessionState {
    IDLE, CONNECT, ACTIVE, OPENSENT, OPENCONFIRM, ESTABLISHED;

    /** Parses FRR's and BIRD's spellings ("Established", "OpenSent", "Idle (Admin)"). */
    public static SessionState parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        int space = t.indexOf(' ');
        return valueOf(space < 0 ? t : t.substring(0, space));
    }
}
