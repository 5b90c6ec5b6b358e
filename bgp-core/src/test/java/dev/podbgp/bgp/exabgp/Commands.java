package dev.podbgp.bgp.exabgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.attr.PathAttribute;
import java.util.HexFormat;

/** Test helpers: parse a command that must parse, or one that must be refused. */
final class Commands {
    private Commands() {}

    static Command parse(String line) {
        ParseResult r = CommandParser.parse(line);
        assertThat(r).as("parse '%s'", line).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).command();
    }

    static Command.Announce announce(String line) {
        Command c = parse(line);
        assertThat(c).isInstanceOf(Command.Announce.class);
        return (Command.Announce) c;
    }

    static CommandError refused(String line) {
        ParseResult r = CommandParser.parse(line);
        assertThat(r).as("refuse '%s'", line).isInstanceOf(ParseResult.Refused.class);
        return ((ParseResult.Refused) r).error();
    }

    /** The attribute's value octets as upper-case hex, on a 4-octet-AS session. */
    static String valueHex(PathAttribute a) {
        SessionCapabilities caps = SessionCapabilities.FOUR_OCTET_AS;
        WireWriter w = new WireWriter(a.valueLength(caps));
        a.writeValue(w, caps);
        return HexFormat.of().withUpperCase().formatHex(w.toByteArray());
    }

    /** The value of the attribute of {@code type} the command {@code line} sets. */
    static String attributeHex(String line, int type) {
        PathAttribute a = announce(line).attributes().get(type);
        assertThat(a).as("attribute %d of '%s'", type, line).isNotNull();
        return valueHex(a);
    }
}
