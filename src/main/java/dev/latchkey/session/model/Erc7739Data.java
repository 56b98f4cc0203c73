package dev.latchkey.session.model;

import java.util.List;

/** On-chain {@code ERC7739Data{ERC7739Context[] allowedERC7739Content; PolicyData[] erc1271Policies}}. */
public record Erc7739Data(List<Erc7739Context> allowedErc7739Content, List<PolicyData> erc1271Policies) {

    public static final Erc7739Data NONE = new Erc7739Data(List.of(), List.of());

    public Erc7739Data {
        if (allowedErc7739Content == null) throw new FieldException("allowedERC7739Content", "missing");
        if (erc1271Policies == null) throw new FieldException("erc1271Policies", "missing");
        allowedErc7739Content = List.copyOf(allowedErc7739Content);
        erc1271Policies = List.copyOf(erc1271Policies);
    }
}
