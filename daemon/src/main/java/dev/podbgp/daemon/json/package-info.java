/**
 * The daemon's own JSON (RFC 8259): an immutable value model, a strict parser and a writer with
 * two fixed layouts. It carries the control socket's lines, the CNI conflist and plugin results,
 * {@code ip -j} output and JSON log lines: small documents, read and written by the daemon's
 * {@code run} path and the CLI, which therefore load no JSON library (Jackson alone is about 600
 * classes of metadata, a large share of an idle daemon's memory). Knows nothing of what the
 * documents mean.
 */
package dev.podbgp.daemon.json;
