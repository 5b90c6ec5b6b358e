package dev.podbgp.k8s.crd;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Addresses podbgp hands out to LoadBalancer Services of its class; cluster-scoped. The status
 * (counts and conditions) is written by whichever podbgp pod currently holds the allocator lease.
 */
@Group(BGPConfiguration.GROUP)
@Version(BGPConfiguration.VERSION)
@Kind("ServiceIPPool")
@Plural("serviceippools")
@Singular("serviceippool")
@ShortNames("sippool")
public class ServiceIPPool extends CustomResource<ServiceIPPoolSpec, ServiceIPPoolStatus> {
}
