/**
 * Route and nexthop-object requests (RTM_NEWROUTE, RTM_DELROUTE, RTM_NEWNEXTHOP), batched per
 * send and acknowledged one by one, and dumps filtered to our protocol and table.
 *
 * <p>Owns the rtmsg/nhmsg encodings and the per-request results. Does not decide which routes
 * should exist: that is the caller's (the FIB writer's) job.
 */
package dev.podbgp.fib.route;
