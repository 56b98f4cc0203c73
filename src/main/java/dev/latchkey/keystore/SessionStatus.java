package dev.latchkey.keystore;

/** Life cycle of a session as the wallet tracks it (security.md §1.4). */
public enum SessionStatus {
    PENDING_ENABLE, ENABLED, REVOKING, REVOKED, EXPIRED
}
