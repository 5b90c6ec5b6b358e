package dev.podbgp.k8s.crd;

import io.fabric8.generator.annotation.Required;

/** A key of a Secret; the namespace is always podbgp's own, so its Role can stay namespaced. */
public class SecretKeyRef {
    @Required
    public String name;

    @Required
    public String key;
}
