/**
 * The GoBGP 3 peer fixture: gobgpd.toml text, read-back through {@code gobgp -j} on the
 * node's own loopback, routes added and deleted with {@code gobgp global rib}. Owns its lab
 * node's gobgpd process and config only.
 */
package dev.podbgp.lab.gobgp;
