package dev.podbgp.config;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The bridge CNI conflist podbgp writes.
 *
 * @param mtu the bridge MTU; empty means "auto": follow the uplink
 */
public record CniSpec(Path confDir, String bridgeName, OptionalInt mtu) {
    public static final CniSpec DEFAULT = new CniSpec(Path.of("/etc/cni/net.d"), "cni0", OptionalInt.empty());
}
