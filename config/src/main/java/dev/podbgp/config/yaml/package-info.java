/**
 * YAML text to {@link dev.podbgp.config.PodbgpConfig}: strict reading of each key against its
 * section, with every problem placed at its line and column. The only package that knows the
 * file is YAML; it must not build a DesiredState.
 */
package dev.podbgp.config.yaml;
