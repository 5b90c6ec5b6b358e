/**
 * LoadBalancer IP allocation: which addresses of which {@code ServiceIPPool} a Service of podbgp's
 * load-balancer class gets. {@link dev.podbgp.k8s.ipam.Allocator} is the pure core (pools and
 * existing allocations in, decisions out; no client, no threads);
 * {@link dev.podbgp.k8s.ipam.LoadBalancerAllocator} is the fabric8 controller that feeds it from
 * the cluster, writes {@code status.loadBalancer.ingress} and acts only while it holds the lease
 * ({@link dev.podbgp.k8s.ipam.AllocatorLeadership}). Announcing the addresses is not done here.
 */
package dev.podbgp.k8s.ipam;
