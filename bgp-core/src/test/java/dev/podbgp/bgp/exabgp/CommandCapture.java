package dev.podbgp.bgp.exabgp;

import java.util.List;

/**
 * What one text command made the SENDER ExaBGP do.
 *
 * @param answer   the sender's reply to the command: {@code done} or {@code error}
 * @param messages the UPDATEs the receiver got for it, in order
 */
public record CommandCapture(String command, String answer, List<ReceivedMessage> messages) {}
