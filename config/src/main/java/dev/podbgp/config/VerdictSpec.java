package dev.podbgp.config;

/** What a matching rule does after its actions. */
public enum VerdictSpec { ACCEPT, REJECT, CONTINUE }
