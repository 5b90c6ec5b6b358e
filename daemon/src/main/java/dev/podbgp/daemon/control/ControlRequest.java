package dev.podbgp.daemon.control;

import java.util.Optional;

/**
 * The requests of the control protocol. On the wire each is one JSON object on one line whose
 * {@code "command"} names it; {@link ControlProtocol} maps between the two.
 */
public sealed interface ControlRequest {

    /** {@code {"command":"show-neighbors"}} */
    record ShowNeighbors() implements ControlRequest {}

    /** {@code {"command":"show-routes","prefix":"10.240.0.0/16"}}; the prefix is optional. */
    record ShowRoutes(Optional<String> prefix) implements ControlRequest {}

    /** {@code {"command":"show-fib"}} */
    record ShowFib() implements ControlRequest {}

    /** {@code {"command":"show-config"}} */
    record ShowConfig() implements ControlRequest {}

    /** {@code {"command":"route-command","text":"announce route 10.0.0.0/24 next-hop self"}} */
    record RouteCommand(String text) implements ControlRequest {}

    /** {@code {"command":"reload"}} */
    record Reload() implements ControlRequest {}

    /** {@code {"command":"clear-neighbor","address":"192.0.2.1","soft":"in"}}; no {@code soft} is a hard clear. */
    record ClearNeighbor(String address, ClearScope scope) implements ControlRequest {}
}
