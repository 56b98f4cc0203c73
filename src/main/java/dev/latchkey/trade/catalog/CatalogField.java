package dev.latchkey.trade.catalog;

import java.util.Optional;

/**
 * An argument word of a catalog function: its name, type and byte {@code offset} counted from the first argument
 * word after the selector (UniActionPolicy's offset, spec §3.3). {@code ruleSafe} is false for anything reached
 * through an ABI offset word: its position holds only for the canonical encoding, and a session key could encode
 * the call differently, so such fields must never carry a UniAction rule. For a {@code bytes} field the offset is
 * that of its offset word.
 */
public record CatalogField(String name, String type, long offset, boolean ruleSafe, Optional<String> unitOf, int bits) { }
