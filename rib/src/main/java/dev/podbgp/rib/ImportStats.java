package dev.podbgp.rib;

/**
 * One peer's import counters since its session came up, for metrics and {@code show neighbor}.
 *
 * @param accepted announcements import policy took (re-evaluations by {@link Rib#reapplyImport} included)
 * @param rejected announcements dropped by a loop check, a safe default or import policy
 * @param refusedByMaxPrefix accepted announcements not stored because a max-prefix limit was reached
 * @param adjRibIn routes now in the peer's Adj-RIB-In (after policy)
 * @param prePolicy routes kept as received for soft reconfiguration (0 without it)
 * @param stale routes kept from an earlier session, awaiting re-announcement (RFC 4724 §4.2)
 */
public record ImportStats(long accepted, long rejected, long refusedByMaxPrefix, int adjRibIn, int prePolicy, int stale) {
}
