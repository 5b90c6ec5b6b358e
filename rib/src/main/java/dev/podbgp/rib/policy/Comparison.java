package dev.podbgp.rib.policy;

/** How an AS_PATH length is compared with a rule's number. */
public enum Comparison {
    EQ, NE, LT, LE, GT, GE;

    boolean test(int actual, int wanted) {
        return switch (this) {
            case EQ -> actual == wanted;
            case NE -> actual != wanted;
            case LT -> actual < wanted;
            case LE -> actual <= wanted;
            case GT -> actual > wanted;
            case GE -> actual >= wanted;
        };
    }
}
