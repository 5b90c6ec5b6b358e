package dev.podbgp.rib;

/**
 * A subscriber to Loc-RIB changes: the FIB writer, Adj-RIB-Out, metrics (STYLE item 9). Called
 * on the RIB thread, once per changed prefix, after the RIB's state is consistent. A listener
 * must not call back into the {@link Rib}; one that hands work to another thread copies nothing,
 * since changes are immutable.
 */
@FunctionalInterface
public interface RibListener {

    void onLocRibChange(LocRibChange change);
}
