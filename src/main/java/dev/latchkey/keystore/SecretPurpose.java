package dev.latchkey.keystore;

/** What a sealed row holds; part of the row's AAD. */
public enum SecretPurpose {
    OWNER_KEY, SESSION_KEY, ENABLE_SIG, SIGNED_USEROP
}
