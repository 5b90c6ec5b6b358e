package dev.podbgp.k8s.crd;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * What podbgp on one node reports: one object per node, named after the Node, cluster-scoped;
 * everything is in the status subresource, written by that node's daemon only.
 */
@Group(BGPConfiguration.GROUP)
@Version(BGPConfiguration.VERSION)
@Kind("BGPNodeStatus")
@Plural("bgpnodestatuses")
@Singular("bgpnodestatus")
public class BGPNodeStatus extends CustomResource<Void, BGPNodeStatusStatus> {
}
