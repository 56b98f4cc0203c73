package dev.latchkey.wallet;

/**
 * A wallet operation that cannot go ahead, with a message that says why and what to do. {@link Kind} lets front ends
 * map it (exit codes, dialogs) without parsing text.
 */
public final class WalletException extends RuntimeException {

    /** What went wrong, coarsely. */
    public enum Kind {
        /** The network cannot be resolved or reached, or is not the chain it claims to be. */
        NETWORK,
        /** A contract the operation needs is not deployed on this network (or not configured for it). */
        MISSING_DEPLOYMENT,
        /**
         * The SmartSession module on this network is not the Smart Sessions v1 build the wallet signs for: the owner's
         * approval would not enable sessions there (e.g. an older build with other EIP-712 types).
         */
        INCOMPATIBLE_MODULE,
        /**
         * An account cannot be imported: it is not an ERC-7579 account, a kind Latchkey does not drive yet, or one the
         * vault's owner keys do not control. Nothing was stored.
         */
        UNSUPPORTED_ACCOUNT,
        /** No such account, session or key in this wallet. */
        NOT_FOUND,
        /** The request is valid but the wallet's state does not allow it (e.g. approving a revoked session). */
        STATE,
        /** The input is malformed or ambiguous. */
        INVALID
    }

    private final Kind kind;

    public WalletException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WalletException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
