package dev.podbgp.e2e;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what {@code ip -ts monitor} printed in a lab node: the kernel's own timing of link and route events. */
final class KernelEvents {
    private KernelEvents() {}

    /** The stamp of the first event matching the regular expression {@code event} (the text after the stamp). */
    static Instant stamp(String events, String event) {
        Matcher m = Pattern.compile("^\\[(\\S+)\\] " + event, Pattern.MULTILINE).matcher(events);
        if (!m.find()) {
            throw new AssertionError("no event /" + event + "/ in:\n" + events);
        }
        // ip prints the host's local time; the lab machines run in UTC.
        return LocalDateTime.parse(m.group(1)).toInstant(ZoneOffset.UTC);
    }
}
