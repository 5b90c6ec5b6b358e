/**
 * The config model: the records a YAML file is read into ({@code *Spec}), its errors with file,
 * line, column and field, and {@link dev.podbgp.config.ConfigLoader}, the one entry point.
 * Owns no I/O beyond reading the config and password files; knows nothing of sessions, the RIB
 * or the kernel (the daemon maps these records to theirs).
 */
package dev.podbgp.config;
