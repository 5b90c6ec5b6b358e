/**
 * The BIRD 2.0 peer fixture: bird.conf text, {@code birdc} read-back (bird 2.0.12 prints no
 * JSON, so its text is parsed here) and runtime announcements by reconfiguration. Owns its lab
 * node's bird process, config and control socket only.
 */
package dev.podbgp.lab.bird;
