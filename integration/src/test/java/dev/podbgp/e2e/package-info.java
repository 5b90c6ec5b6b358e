/**
 * End-to-end tests: the demo's topology ({@link dev.podbgp.demo.DemoTopology}) with podbgp running
 * as real processes in lab nodes, checked from the outside (kernel routes, FRR's view, pod
 * traffic, exit codes). Each test gets its own lab and leaves nothing behind.
 */
package dev.podbgp.e2e;
