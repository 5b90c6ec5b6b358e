/**
 * The kernel FIB as podbgp sees it: routes it owns (marked with its own protocol number in one
 * table), written over rtnetlink through {@code java.lang.foreign}.
 *
 * <p>Knows nothing of BGP: callers hand it prefixes and next hops. Never touches a route of
 * another protocol. Sub-packages: {@code netlink} (the socket and the message format),
 * {@code route} (route and nexthop-object requests, dumps), {@code netns} (opening sockets inside
 * a named network namespace), {@code address} (the node's own interface addresses, read only).
 */
package dev.podbgp.fib;
