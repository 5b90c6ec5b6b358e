package dev.podbgp.k8s.source;

import dev.podbgp.k8s.mapping.SecretLookup;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads BGPPeer passwords with a plain GET (RBAC: {@code get} on Secrets in one namespace, no
 * list or watch of every Secret). When the API server cannot be reached the last value read is
 * used, so an outage does not turn into "Secret missing" and drop the session.
 */
final class SecretCache implements SecretLookup {
    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, String> lastRead = new ConcurrentHashMap<>();

    SecretCache(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    @Override
    public Optional<String> value(String secretName, String key) {
        String id = secretName + "\u0000" + key;
        Secret s;
        try {
            s = client.secrets().inNamespace(namespace).withName(secretName).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return Optional.empty(); // not ours to read: reported as not found, with the field
            }
            String cached = lastRead.get(id);
            if (cached != null) {
                return Optional.of(cached);
            }
            throw e;
        }
        Optional<String> v = Optional.empty();
        if (s != null && s.getData() != null && s.getData().get(key) != null) {
            try {
                v = Optional.of(new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                v = Optional.empty(); // not base64: the API server never stores that, but a mock might
            }
        } else if (s != null && s.getStringData() != null && s.getStringData().get(key) != null) {
            v = Optional.of(s.getStringData().get(key));
        }
        v.ifPresentOrElse(x -> lastRead.put(id, x), () -> lastRead.remove(id));
        return v;
    }
}
