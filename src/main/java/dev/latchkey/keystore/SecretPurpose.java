package dev.latchkey.keystore;

/** What a sealed row holds; part of the row's AAD. {@code AUTOMATION_RULE} rows live in {@code automation_rule}, not {@code secret}. */
public enum SecretPurpose {
    OWNER_KEY, SESSION_KEY, ENABLE_SIG, SIGNED_USEROP, AUTOMATION_RULE
}
