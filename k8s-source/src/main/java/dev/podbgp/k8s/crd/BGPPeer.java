package dev.podbgp.k8s.crd;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A BGP peer (a ToR router, a route server) for the nodes its selector matches; cluster-scoped. */
@Group(BGPConfiguration.GROUP)
@Version(BGPConfiguration.VERSION)
@Kind("BGPPeer")
@Plural("bgppeers")
@Singular("bgppeer")
public class BGPPeer extends CustomResource<BGPPeerSpec, Void> {
}
