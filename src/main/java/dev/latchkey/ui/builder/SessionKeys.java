package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;

/**
 * Port: a fresh session key generated inside the vault; only its address leaves it (security.md R2). Called off
 * the FX thread when the owner goes to review, so an abandoned draft leaves no key behind.
 */
@FunctionalInterface
public interface SessionKeys {

    Address create() throws Exception;
}
