/**
 * BFD authentication (RFC 5880 §6.7): Keyed SHA1 and Meticulous Keyed SHA1 (§4.4, §6.7.4), the
 * two types §6.7 requires of an implementation that authenticates at all. Simple Password and the
 * MD5 types are decoded by {@code wire} but cannot be configured, so a session never accepts them.
 *
 * <p>Holds, per session, bfd.AuthType, bfd.XmitAuthSeq, bfd.RcvAuthSeq and bfd.AuthSeqKnown.
 * Pure: hashing comes from {@link java.security.MessageDigest}, the initial sequence number from an
 * injected random source. Knows packets and keys, not sessions or sockets.
 */
package dev.podbgp.bfd.auth;
