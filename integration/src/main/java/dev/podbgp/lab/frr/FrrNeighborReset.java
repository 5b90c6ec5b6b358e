package dev.podbgp.lab.frr;

/**
 * Why FRR last reset a session, from {@code show bgp neighbors json}: {@code lastResetDueTo}
 * ("BGP Notification received"), {@code lastErrorCodeSubcode} (hex "0602"),
 * {@code lastNotificationReason} ("Cease/Administrative Shutdown") and
 * {@code lastShutdownDescription}, the RFC 8203/9003 shutdown communication received. Fields
 * FRR does not print (no reset yet) are empty strings.
 */
public record FrrNeighborReset(String dueTo, String errorCodeSubcode, String notificationReason,
                               String shutdownMessage) {}
