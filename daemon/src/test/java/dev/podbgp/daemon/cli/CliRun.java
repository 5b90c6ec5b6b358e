package dev.podbgp.daemon.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One {@code podbgp} invocation in this JVM: exit code, stdout, stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
