package dev.podbgp.daemon.cli;

/** {@code -o table|json}: aligned columns for people, JSON for scripts. */
final class OutputOption {
    enum Format { table, json }

    static final CliOption OPTION = CliOption.valued("--output", "FORMAT",
            "table (default) or json; json prints the same records the control API returns.").withShortName("-o");

    private OutputOption() {}

    static Format format(ParsedArgs args) throws UsageException {
        return args.value(OPTION) == null ? Format.table : args.choice(OPTION, Format.values());
    }
}
