/**
 * podbgp itself as a lab node: a {@code BgpSpeaker} whose sockets live in the node's network
 * namespace, originating a static set of routes and recording what each peer sends. Until the
 * RIB exists (issue 5) this is how interop tests drive podbgp; it owns no routing logic
 * beyond "send these routes to every established peer".
 */
package dev.podbgp.lab.podbgp;
