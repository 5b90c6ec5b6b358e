package dev.podbgp.rib;

import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.policy.ImportPipeline;
import dev.podbgp.rib.policy.PolicyContext;
import dev.podbgp.rib.policy.PolicyResult;

/**
 * The {@link ImportPolicy} seam over the policy package's {@link ImportPipeline}: the policy package works on
 * prefixes and attribute sets and knows nothing of {@link Route}, so this turns one into the other.
 */
public record PipelineImportPolicy(ImportPipeline pipeline, PolicyContext context) implements ImportPolicy {

    @Override
    public Route apply(PeerInfo peer, Prefix prefix, Route route) {
        return switch (pipeline.evaluate(prefix, route.attributes(), context)) {
            case PolicyResult.Accepted a -> a.attributes() == route.attributes() ? route : route.withAttributes(a.attributes());
            case PolicyResult.Rejected r -> null;
        };
    }
}
