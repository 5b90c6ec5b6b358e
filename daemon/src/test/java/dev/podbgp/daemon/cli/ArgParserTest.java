package dev.podbgp.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser against a small table of its own: nesting, the option forms, defaults, and every way a line is refused. */
class ArgParserTest {
    enum Color { red, green }

    static final CliOption NAME = CliOption.valued("--name", "NAME", "a name").withShortName("-n");
    static final CliOption COLOR = CliOption.valued("--color", "COLOR", "red or green").withDefault("red");
    static final CliOption COUNT = CliOption.valued("--count", "N", "how many").withDefault(3);
    static final CliOption LOUD = CliOption.flag("--loud", "shout");
    static final CliOption FILE = CliOption.valued("--file", "FILE", "the file").withShortName("-f").asRequired();
    static final CliParameter TARGET = CliParameter.optional("TARGET", "what to greet");
    static final CliParameter WORDS = CliParameter.oneOrMore("WORD", "the words");
    static final CliAction NOTHING = (args, out, err) -> 0;

    static final CliCommand GREET = CliCommand.named("greet", "Greet someone.")
            .options(NAME, COLOR, COUNT, LOUD).parameter(TARGET).action(NOTHING);
    static final CliCommand SAY = CliCommand.named("say", "Say words.").options(FILE).parameter(WORDS).action(NOTHING);
    static final CliCommand TOP = CliCommand.named("tool", "A tool.")
            .subcommands(CliCommand.named("hello", "Hellos.").subcommands(GREET).group(), SAY)
            .group();

    static ParseOutcome parse(String... args) {
        return ArgParser.parse(TOP, List.of(args));
    }

    static ParseOutcome.Run run(String... args) {
        ParseOutcome outcome = parse(args);
        assertThat(outcome).isInstanceOf(ParseOutcome.Run.class);
        return (ParseOutcome.Run) outcome;
    }

    static String refusal(String... args) {
        ParseOutcome outcome = parse(args);
        assertThat(outcome).isInstanceOf(ParseOutcome.Refused.class);
        return ((ParseOutcome.Refused) outcome).message();
    }

    @Test
    void nestedCommand_isSelectedByItsWords_andItsOptionsDefault() throws UsageException {
        ParseOutcome.Run r = run("hello", "greet");
        assertThat(r.command()).isSameAs(GREET);
        assertThat(HelpText.commandName(r.path())).isEqualTo("tool hello greet");
        assertThat(r.args().value(NAME)).isNull();
        assertThat(r.args().choice(COLOR, Color.values())).isEqualTo(Color.red);
        assertThat(r.args().number(COUNT)).isEqualTo(3);
        assertThat(r.args().flag(LOUD)).isFalse();
        assertThat(r.args().word(TARGET)).isNull();
        assertThat(r.args().words(TARGET)).isEmpty();
    }

    @Test
    void everyOptionForm_givesTheValue() throws UsageException {
        assertThat(run("hello", "greet", "--name", "ann").args().value(NAME)).isEqualTo("ann");
        assertThat(run("hello", "greet", "--name=ann").args().value(NAME)).isEqualTo("ann");
        assertThat(run("hello", "greet", "--name=").args().value(NAME)).isEmpty();
        assertThat(run("hello", "greet", "--name=a=b").args().value(NAME)).isEqualTo("a=b");
        assertThat(run("hello", "greet", "-n", "ann").args().value(NAME)).isEqualTo("ann");
        assertThat(run("hello", "greet", "-nann").args().value(NAME)).isEqualTo("ann");
        assertThat(run("hello", "greet", "-n=ann").args().value(NAME)).isEqualTo("ann");
        assertThat(run("hello", "greet", "--count", "-5").args().number(COUNT)).as("a value may start with a dash").isEqualTo(-5);
        ParseOutcome.Run r = run("hello", "greet", "bob", "--loud", "--color=green");
        assertThat(r.args().word(TARGET)).isEqualTo("bob");
        assertThat(r.args().flag(LOUD)).isTrue();
        assertThat(r.args().choice(COLOR, Color.values())).isEqualTo(Color.green);
    }

    @Test
    void positionalWords_fillTheirParameter_andDoubleDashEndsOptions() throws UsageException {
        ParseOutcome.Run r = run("say", "a", "-f", "x.yaml", "b", "--", "--file", "-c");
        assertThat(r.args().words(WORDS)).containsExactly("a", "b", "--file", "-c");
        assertThat(r.args().path(FILE)).isEqualTo(Path.of("x.yaml"));
    }

    @Test
    void unknownCommand_namesItAndTheChoices() {
        assertThat(refusal("frobnicate")).isEqualTo("unknown command 'frobnicate' (commands of 'tool': hello, say)");
        assertThat(refusal("hello", "wave")).isEqualTo("unknown command 'wave' (commands of 'tool hello': greet)");
    }

    @Test
    void missingCommand_isRefused() {
        assertThat(refusal()).isEqualTo("a command is required (commands of 'tool': hello, say)");
        assertThat(refusal("hello")).isEqualTo("a command is required (commands of 'tool hello': greet)");
    }

    @Test
    void unknownOption_namesItAndTheCommandsOptions() {
        assertThat(refusal("hello", "greet", "--nmae", "x"))
                .isEqualTo("unknown option '--nmae' (options of 'tool hello greet': --name, --color, --count, --loud, --help, --version)");
        assertThat(refusal("hello", "greet", "-x")).startsWith("unknown option '-x'");
        assertThat(refusal("hello", "--name", "x", "greet")).as("an option belongs to its command").startsWith("unknown option '--name'");
    }

    @Test
    void missingValue_namesTheOption() {
        assertThat(refusal("hello", "greet", "--name")).isEqualTo("option --name needs a value (NAME)");
        assertThat(refusal("hello", "greet", "--name", "--loud")).isEqualTo("option --name needs a value (NAME)");
        assertThat(refusal("hello", "greet", "-n")).isEqualTo("option --name needs a value (NAME)");
    }

    @Test
    void badValue_namesTheOptionAndTheValue() {
        assertThatThrownBy(() -> run("hello", "greet", "--count", "many").args().number(COUNT))
                .isInstanceOf(UsageException.class).hasMessage("invalid value for --count: 'many' (not a whole number)");
        assertThatThrownBy(() -> run("hello", "greet", "--color", "blue").args().choice(COLOR, Color.values()))
                .isInstanceOf(UsageException.class).hasMessage("invalid value for --color: 'blue' (expected one of red, green)");
        assertThatThrownBy(() -> run("say", "w", "--file", "a\0b").args().path(FILE))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("invalid value for --file: 'a\0b' (not a path");
    }

    @Test
    void flagWithValue_optionTwice_extraWord_areRefused() {
        assertThat(refusal("hello", "greet", "--loud=yes")).isEqualTo("option --loud takes no value");
        assertThat(refusal("hello", "greet", "--name", "a", "-n", "b")).isEqualTo("option --name given twice ('a' and 'b')");
        assertThat(refusal("hello", "greet", "bob", "carol")).isEqualTo("unexpected argument 'carol'");
    }

    @Test
    void missingRequiredOptionOrParameter_isRefused() {
        assertThat(refusal("say", "w")).isEqualTo("missing required option --file FILE");
        assertThat(refusal("say", "-f", "x")).isEqualTo("missing WORD (the words)");
    }

    @Test
    void helpAndVersion_onEveryCommand_winOverTheRestOfTheLine() {
        assertThat(parse("--help")).isEqualTo(new ParseOutcome.Help(List.of(TOP)));
        assertThat(parse("hello", "-h")).isEqualTo(new ParseOutcome.Help(List.of(TOP, TOP.subcommands().getFirst())));
        assertThat(((ParseOutcome.Help) parse("hello", "greet", "--name", "x", "--help")).path().getLast()).isSameAs(GREET);
        assertThat(((ParseOutcome.Help) parse("say", "--help")).path().getLast()).as("before the missing option").isSameAs(SAY);
        assertThat(parse("-V")).isEqualTo(new ParseOutcome.Version());
        assertThat(parse("hello", "greet", "--version")).isEqualTo(new ParseOutcome.Version());
        assertThat(parse("say", "--", "--help")).as("after --, a word").isInstanceOf(ParseOutcome.Refused.class);
    }

    @Test
    void help_listsSynopsisOptionsDefaultsParametersAndSubcommands() {
        String greet = HelpText.of(List.of(TOP, TOP.subcommands().getFirst(), GREET));
        assertThat(greet).startsWith("Usage: tool hello greet [-hV] [-n NAME] [--color COLOR] [--count N] [--loud] [TARGET]\nGreet someone.\n")
                .contains("  -n, --name NAME", "a name", "red or green (default: red)", "how many (default: 3)", "--loud", "shout",
                        "[TARGET]", "what to greet", "-h, --help", "-V, --version");
        assertThat(HelpText.of(List.of(TOP))).contains("Usage: tool [-hV] COMMAND", "Commands:", "hello", "Hellos.", "say", "Say words.");
        assertThat(HelpText.synopsis(List.of(TOP, SAY))).isEqualTo("Usage: tool say [-hV] -f FILE WORD...");
    }

    @Test
    void help_wrapsLongDescriptionsUnderTheirColumn() {
        String long_ = "word ".repeat(40).strip();
        CliCommand wide = CliCommand.named("wide", "Wide.").options(CliOption.flag("--long", long_)).action(NOTHING);
        List<String> lines = HelpText.of(List.of(wide)).lines().filter(l -> l.contains("word")).toList();
        assertThat(lines).hasSizeGreaterThan(1).allMatch(l -> l.length() <= HelpText.WIDTH);
        int column = lines.getFirst().indexOf("word");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.indexOf("word") == column);
        assertThat(String.join(" ", lines.stream().map(String::strip).toList())).endsWith(long_);
    }
}
