package dev.podbgp.rib.policy;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Prefix;

/** Import for one peer: the safe defaults first, then the peer's import policy. */
public record ImportPipeline(PodCidrGuard guard, PeerKind peerKind, Policy importPolicy) {

    public PolicyResult evaluate(Prefix prefix, PathAttributes attributes, PolicyContext context) {
        return guard.check(prefix, peerKind)
                .<PolicyResult>map(r -> r)
                .orElseGet(() -> importPolicy.evaluate(prefix, attributes, context));
    }
}
