package dev.latchkey.session.json;

import static dev.latchkey.session.json.Json.list;
import static dev.latchkey.session.json.Json.onlyFields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Erc7739Context;
import dev.latchkey.session.model.Erc7739Data;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.PolicyData;
import java.util.List;
import java.util.Set;

/** The @rhinestone/module-sdk {@code Session} JSON shape ({@code --format onchain}); {@code chainId} is accepted and ignored. */
public final class OnchainSessionJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OnchainSessionJson() { }

    public static OnchainSession read(JsonNode n) {
        onlyFields("", n, Set.of("sessionValidator", "sessionValidatorInitData", "salt", "userOpPolicies", "erc7739Policies",
                "actions", "permitERC4337Paymaster", "chainId"));
        JsonNode e = Json.required("", n, "erc7739Policies");
        onlyFields("erc7739Policies", e, Set.of("allowedERC7739Content", "erc1271Policies"));
        Erc7739Data erc7739 = new Erc7739Data(list("erc7739Policies", e, "allowedERC7739Content", (p, v) -> {
            onlyFields(p, v, Set.of("appDomainSeparator", "contentName"));
            return new Erc7739Context(Json.bytes32(p, v, "appDomainSeparator"), list(p, v, "contentName", (q, s) -> {
                if (!s.isTextual()) throw new FieldException(q, "expected a string");
                return s.asText();
            }));
        }), list("erc7739Policies", e, "erc1271Policies", OnchainSessionJson::policy));
        List<ActionData> actions = list("", n, "actions", (p, v) -> {
            onlyFields(p, v, Set.of("actionTarget", "actionTargetSelector", "actionPolicies"));
            return new ActionData(Json.selector(p, v, "actionTargetSelector"), Json.address(p, v, "actionTarget"),
                    list(p, v, "actionPolicies", OnchainSessionJson::policy));
        });
        return new OnchainSession(Json.address("", n, "sessionValidator"), Json.hex("", n, "sessionValidatorInitData"),
                Json.bytes32("", n, "salt"), list("", n, "userOpPolicies", OnchainSessionJson::policy), erc7739, actions,
                Json.bool("", n, "permitERC4337Paymaster"));
    }

    private static PolicyData policy(String path, JsonNode n) {
        onlyFields(path, n, Set.of("policy", "initData", "address"));
        return new PolicyData(Json.address(path, n, "policy"), Json.hex(path, n, "initData"));
    }

    public static ObjectNode write(OnchainSession s) {
        ObjectNode n = F.objectNode();
        n.put("sessionValidator", s.sessionValidator().hex());
        n.put("sessionValidatorInitData", s.sessionValidatorInitData().hex());
        n.put("salt", s.salt().hex());
        writePolicies(n.putArray("userOpPolicies"), s.userOpPolicies());
        ObjectNode e = n.putObject("erc7739Policies");
        ArrayNode ac = e.putArray("allowedERC7739Content");
        s.erc7739Policies().allowedErc7739Content().forEach(c -> {
            ObjectNode cn = ac.addObject().put("appDomainSeparator", c.appDomainSeparator().hex());
            ArrayNode names = cn.putArray("contentName");
            c.contentNames().forEach(names::add);
        });
        writePolicies(e.putArray("erc1271Policies"), s.erc7739Policies().erc1271Policies());
        ArrayNode actions = n.putArray("actions");
        s.actions().forEach(a -> writePolicies(actions.addObject().put("actionTarget", a.actionTarget().hex())
                .put("actionTargetSelector", a.actionTargetSelector().hex()).putArray("actionPolicies"), a.actionPolicies()));
        n.put("permitERC4337Paymaster", s.permitErc4337Paymaster());
        return n;
    }

    private static void writePolicies(ArrayNode a, List<PolicyData> ps) {
        ps.forEach(p -> a.addObject().put("policy", p.policy().hex()).put("initData", p.initData().hex()));
    }
}
