package dev.podbgp.daemon.cli;

import picocli.CommandLine.Option;

/** {@code -o table|json}: aligned columns for people, JSON for scripts. */
final class OutputOption {
    enum Format { table, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "table (default) or json; json prints the same records the control API returns.")
    Format format = Format.table;
}
