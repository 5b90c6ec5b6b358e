/**
 * The FRR 8.4 peer fixture: configuration text, read-back through {@code vtysh ... json}, and
 * two ways to run it, chosen by {@link dev.podbgp.lab.frr.FrrBackend#choose()}: the Debian
 * package's zebra + bgpd in a lab namespace with their own pathspace, or the same package in a
 * container of the lab's own image ({@link dev.podbgp.lab.LabImages#frr()}) whose network
 * namespace joins the lab. Owns nothing outside its pathspace,
 * its container and its lab node.
 */
package dev.podbgp.lab.frr;
