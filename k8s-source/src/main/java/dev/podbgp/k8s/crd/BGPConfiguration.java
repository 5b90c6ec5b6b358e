package dev.podbgp.k8s.crd;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Cluster-wide settings; cluster-scoped (it does not implement {@link Namespaced}). Only the object
 * named {@value #NAME} is read, so two tools cannot fight over which configuration wins.
 */
@Group(BGPConfiguration.GROUP)
@Version(BGPConfiguration.VERSION)
@Kind("BGPConfiguration")
@Plural("bgpconfigurations")
@Singular("bgpconfiguration")
public class BGPConfiguration extends CustomResource<BGPConfigurationSpec, Void> {
    public static final String GROUP = "podbgp.dev";
    public static final String VERSION = "v1alpha1";
    public static final String NAME = "default";
}
