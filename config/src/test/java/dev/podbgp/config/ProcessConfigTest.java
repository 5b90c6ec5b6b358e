package dev.podbgp.config;

import static dev.podbgp.config.Configs.NODE;
import static dev.podbgp.config.Configs.load;
import static dev.podbgp.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessConfigTest {

    @Test
    void aProcessIsReadWithExabgpsDefaults() throws ConfigException {
        List<ProcessSpec> processes = load(NODE + """
                processes:
                  - name: web-check
                    run: [/bin/sh, -c, "echo announce route 192.0.2.10/32 next-hop self"]
                """).state().processes();
        assertThat(processes).containsExactly(new ProcessSpec("web-check",
                List.of("/bin/sh", "-c", "echo announce route 192.0.2.10/32 next-hop self"), ProcessSpec.Encoder.JSON,
                true, true, ProcessSpec.Receive.NOTHING));
    }

    @Test
    void everyFieldIsRead_andProcessesAreSortedByName() throws ConfigException {
        List<ProcessSpec> processes = load(NODE + """
                processes:
                  - name: zeta
                    run: [/bin/true]
                    encoder: text
                    ack: false
                    respawn: false
                    receive: {parsed: true, neighborChanges: true}
                  - name: alpha
                    run: [/bin/true]
                    receive: {negotiated: true, update: true}
                """).state().processes();
        assertThat(processes).extracting(ProcessSpec::name).containsExactly("alpha", "zeta");
        assertThat(processes.get(0).receive()).isEqualTo(new ProcessSpec.Receive(false, true, true));
        assertThat(processes.get(1)).isEqualTo(new ProcessSpec("zeta", List.of("/bin/true"), ProcessSpec.Encoder.TEXT,
                false, false, new ProcessSpec.Receive(true, false, false)));
    }

    @Test
    void mistakesAreRefusedNamingLineAndField() {
        assertThat(problems(NODE + """
                processes:
                  - name: a
                    run: [bin/true]
                  - name: a
                    run: [/nonexistent/helper]
                  - name: "bad name"
                    run: "/bin/true --flag"
                  - run: [/etc]
                    encoder: xml
                    receive: {parsed: false, updates: true}
                  - name: text-updates
                    run: [/etc/passwd]
                    encoder: text
                    receive: {update: true}
                """)).containsExactly(
                "podbgp.yaml:6:11: processes[0].run[0]: 'bin/true' must be an absolute path (no PATH lookup: the daemon's PATH is not yours)",
                "podbgp.yaml:7:11: processes[1].name: process 'a' is already defined (line 5)",
                "podbgp.yaml:8:11: processes[1].run[0]: '/nonexistent/helper' does not exist",
                "podbgp.yaml:9:11: processes[2].name: 'bad name' is not a process name (letters, digits, '.', '_', '-'; at most 63)",
                "podbgp.yaml:10:10: processes[2].run: expected the program and its arguments as a list, e.g. [/usr/bin/python3, -m, exabgp, healthcheck]",
                "podbgp.yaml:11:5: processes[3].name: required",
                "podbgp.yaml:11:11: processes[3].run[0]: '/etc' is a directory",
                "podbgp.yaml:12:14: processes[3].encoder: 'xml' is not allowed; expected one of: json, text",
                "podbgp.yaml:13:23: processes[3].receive.parsed: podbgp sends decoded messages only; raw packets (ExaBGP's parsed: false) are not offered",
                "podbgp.yaml:13:30: processes[3].receive.updates: unknown key 'updates', did you mean 'update'?",
                "podbgp.yaml:15:11: processes[4].run[0]: '/etc/passwd' is not executable",
                "podbgp.yaml:17:23: processes[4].receive.update: podbgp writes update events as JSON only; use encoder: json");
    }
}
