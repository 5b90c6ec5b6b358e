/**
 * The ExaBGP 4.2 peer fixture: exabgp.conf text, an API helper script that appends every JSON
 * line ExaBGP emits (state, open, update, notification) to a file the fixture tails, and text
 * commands ({@code announce route ...}) the fixture appends to a file the helper follows.
 * Owns its lab node's exabgp process, helper and files only.
 */
package dev.podbgp.lab.exabgp;
