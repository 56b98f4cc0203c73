package dev.latchkey.session.wallet;

import dev.latchkey.session.model.Erc7739Context;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.policy.Policy;
import java.util.List;

/** ERC-1271 / ERC-7739 signing permissions of a session. */
public record Signing(List<Erc7739Context> allowedContent, List<Policy> policies) {
    public Signing {
        if (allowedContent == null) throw new FieldException("signing.allowedContent", "missing");
        if (policies == null) throw new FieldException("signing.policies", "missing");
        allowedContent = List.copyOf(allowedContent);
        policies = List.copyOf(policies);
    }
}
