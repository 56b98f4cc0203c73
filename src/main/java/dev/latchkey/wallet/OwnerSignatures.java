package dev.latchkey.wallet;

/**
 * Every use of the owner key is one activity-log row of kind {@link #KIND} (what was signed and why), so the owner can
 * audit that the background never signs as owner and the acceptance can count owner signatures.
 */
public final class OwnerSignatures {

    public static final String KIND = "owner.signature";

    private OwnerSignatures() { }
}
