package dev.latchkey.keystore;

import java.time.Instant;

/** Public facts about a sealed row: never the plaintext. */
public record SecretInfo(String uuid, SecretPurpose purpose, String publicRef, String label, Instant createdAt,
                         boolean quarantined) {
}
