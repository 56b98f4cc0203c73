package dev.latchkey.session.model;

/** Smart-account implementations whose ERC-1271 and nonce-key formats differ (spec §2.4, §7.2). */
public enum AccountKind {
    /** Latchkey's own account (OpenZeppelin AccountERC7579): {@code validator ‖ sig}; key = top 20 bytes. */
    LATCHKEY,
    SAFE7579,
    NEXUS,
    KERNEL,
    /** The ERC-7579 reference implementation. */
    ERC7579_REFERENCE
}
