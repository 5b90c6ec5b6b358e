/**
 * The source-independent state the daemon converges to ({@link dev.podbgp.config.state.DesiredState})
 * and the difference between two of them on reload. Knows nothing of YAML or Kubernetes, so the
 * k8s source can build the same values.
 */
package dev.podbgp.config.state;
