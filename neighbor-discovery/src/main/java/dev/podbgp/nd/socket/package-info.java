/**
 * A raw ICMPv6 socket bound to one interface, through {@code java.lang.foreign}: Neighbor Discovery
 * messages out with hop limit 255, in with the hop limit they arrived with. Owns the syscalls and
 * their off-heap buffers; knows no message format.
 */
package dev.podbgp.nd.socket;
