package dev.latchkey.wallet;

import dev.latchkey.keystore.ActivityKind;

/**
 * Every use of the owner key is one activity-log row of kind {@link #KIND} (what was signed and why), so the owner can
 * audit that the background never signs as owner and the acceptance can count owner signatures.
 */
public final class OwnerSignatures {

    public static final ActivityKind KIND = ActivityKind.OWNER_SIGNATURE;

    private OwnerSignatures() { }
}
