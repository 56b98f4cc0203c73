package dev.latchkey.session.engine;

import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.PolicyData;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session decoded once for repeated checks: its permission id and typed policies, grouped as SmartSession stores
 * them (per actionId a set by policy address; enabling the same policy twice re-initialises it, so the last init
 * data wins).
 */
public record PreparedSession(OnchainSession session, HexBytes permissionId, List<Entry> userOpPolicies, Map<ActionKey, List<Entry>> actions) {

    public record Entry(Address address, Policy policy) { }

    public record ActionKey(Address target, Selector selector) { }

    public PreparedSession {
        if (session == null) throw new FieldException("session", "missing");
        userOpPolicies = List.copyOf(userOpPolicies);
        actions = Map.copyOf(actions);
    }

    public static PreparedSession of(OnchainSession s, PolicyAddresses addresses) {
        Map<ActionKey, Map<Address, PolicyData>> grouped = new LinkedHashMap<>();
        for (ActionData a : s.actions()) {
            Map<Address, PolicyData> set = grouped.computeIfAbsent(new ActionKey(a.actionTarget(), a.actionTargetSelector()), k -> new LinkedHashMap<>());
            a.actionPolicies().forEach(p -> set.put(p.policy(), p));
        }
        Map<ActionKey, List<Entry>> actions = new HashMap<>();
        grouped.forEach((k, set) -> actions.put(k, typed("actions[" + k.target() + "." + k.selector() + "]", set.values(), addresses)));
        Map<Address, PolicyData> userOp = new LinkedHashMap<>();
        s.userOpPolicies().forEach(p -> userOp.put(p.policy(), p));
        return new PreparedSession(s, Ids.permissionId(s), typed("userOpPolicies", userOp.values(), addresses), actions);
    }

    /** The policies of (target, selector); empty if none (then the fallback applies, where SmartSession allows one). */
    public List<Entry> policiesFor(Address target, Selector selector) {
        return actions.getOrDefault(new ActionKey(target, selector), List.of());
    }

    private static List<Entry> typed(String field, Iterable<PolicyData> ps, PolicyAddresses addresses) {
        List<Entry> out = new ArrayList<>();
        int i = 0;
        for (PolicyData p : ps) out.add(new Entry(p.policy(), PolicyCodec.fromPolicyData(field + "[" + i++ + "]", p, addresses)));
        return List.copyOf(out);
    }
}
