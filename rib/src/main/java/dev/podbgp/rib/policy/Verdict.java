package dev.podbgp.rib.policy;

/** What a matching rule decides after its actions have run. */
public enum Verdict {
    /** Stop here and take the route with the attributes as changed so far. */
    ACCEPT,
    /** Stop here and drop the route; changes made so far are discarded. */
    REJECT,
    /** Keep the changes and go on to the next rule, e.g. to tag a route and let later rules decide. */
    CONTINUE
}
