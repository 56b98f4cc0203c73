package dev.latchkey.session.wallet;

import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.Policy;
import java.util.List;

/** What the session may call: {@code target.selector}, checked by {@code policies} (empty = falls to the fallback). */
public record Action(Address target, Selector selector, List<Policy> policies) {

    public Action {
        if (target == null) throw new FieldException("target", "missing");
        if (selector == null) throw new FieldException("selector", "missing");
        if (policies == null) throw new FieldException("policies", "missing");
        policies = List.copyOf(policies);
    }

    /** The generic fallback with sudo: any call at all. What "no actions" means (spec §6). */
    public static Action anyCall() {
        return new Action(ActionData.FALLBACK_TARGET, Selector.FALLBACK, List.of(new Policy.Sudo()));
    }
}
