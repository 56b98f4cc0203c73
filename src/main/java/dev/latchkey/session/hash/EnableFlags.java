package dev.latchkey.session.hash;

import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.SmartSessionMode;

/**
 * The three booleans of {@code SignedPermissions} that SmartSession derives on chain (spec §2.3). They are never
 * inputs: {@link #derive} is the only way to get them.
 */
public record EnableFlags(boolean permitGenericPolicy, boolean permitAdminAccess, boolean ignoreSecurityAttestations) {

    public static EnableFlags derive(OnchainSession session, SmartSessionMode mode) {
        return new EnableFlags(session.permitsGenericPolicy(), session.permitsAdminAccess(), mode == SmartSessionMode.UNSAFE_ENABLE);
    }
}
