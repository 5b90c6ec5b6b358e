/**
 * The podbgp custom resources of group {@code podbgp.dev}, version {@code v1alpha1}, as Java types;
 * the build generates their CRD YAML (with validating OpenAPI schemas) from these classes. Plain
 * data only: interpreting them is {@link dev.podbgp.k8s.mapping}'s job.
 */
package dev.podbgp.k8s.crd;
