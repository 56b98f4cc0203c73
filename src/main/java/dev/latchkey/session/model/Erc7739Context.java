package dev.latchkey.session.model;

import java.util.List;

/** On-chain {@code ERC7739Context{bytes32 appDomainSeparator; string[] contentNames}} (TS SDKs: {@code contentName}). */
public record Erc7739Context(HexBytes appDomainSeparator, List<String> contentNames) {
    public Erc7739Context {
        if (appDomainSeparator == null || appDomainSeparator.length() != 32) {
            throw new FieldException("appDomainSeparator", "expected 32 bytes");
        }
        if (contentNames == null) throw new FieldException("contentName", "missing");
        contentNames = List.copyOf(contentNames);
    }
}
