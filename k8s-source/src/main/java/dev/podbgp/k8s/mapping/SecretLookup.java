package dev.podbgp.k8s.mapping;

import java.util.Optional;

/** Reads one key of a Secret in podbgp's own namespace; empty when the Secret or the key is missing. */
@FunctionalInterface
public interface SecretLookup {
    Optional<String> value(String secretName, String key);
}
