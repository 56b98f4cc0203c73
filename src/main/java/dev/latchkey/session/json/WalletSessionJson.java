package dev.latchkey.session.json;

import static dev.latchkey.session.json.Json.has;
import static dev.latchkey.session.json.Json.list;
import static dev.latchkey.session.json.Json.onlyFields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.session.model.Erc7739Context;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.Signing;
import dev.latchkey.session.wallet.WalletSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The wallet session format (docs/session-format.md): @rhinestone/sdk's Session shape, amounts as strings. */
public final class WalletSessionJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private WalletSessionJson() { }

    public static SessionDocument read(JsonNode n) {
        onlyFields("", n, Set.of("owners", "actions", "policies", "salt", "chains", "signing", "permitERC4337Paymaster", "policyAddresses"));
        PolicyAddresses addresses = PolicyAddresses.canonical();
        if (has(n, "policyAddresses")) {
            JsonNode pa = Json.object("policyAddresses", n.get("policyAddresses"));
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) pa::fields) {
                PolicyKind kind = PolicyKind.fromJson("policyAddresses." + e.getKey(), e.getKey());
                addresses = addresses.with(kind, Json.address("policyAddresses", pa, e.getKey()));
            }
        }
        List<Action> actions = has(n, "actions") ? list("", n, "actions", WalletSessionJson::action) : List.of(Action.anyCall());
        List<Policy> policies = has(n, "policies") ? list("", n, "policies", PolicyJson::read) : List.of(new Policy.Sudo());
        HexBytes salt = has(n, "salt") ? Json.bytes32("", n, "salt") : HexBytes.zeros(32);
        List<Long> chains = has(n, "chains") ? list("", n, "chains", (p, v) -> Json.uint(p, v, 64).longValue()) : List.of();
        Optional<Signing> signing = has(n, "signing") ? Optional.of(signing("signing", n.get("signing"))) : Optional.empty();
        boolean paymaster = !has(n, "permitERC4337Paymaster") || Json.bool("", n, "permitERC4337Paymaster");
        WalletSession s = new WalletSession(owners("owners", Json.required("", n, "owners")), actions, policies, salt, chains, signing, paymaster);
        return new SessionDocument(s, addresses);
    }

    private static Owners owners(String path, JsonNode n) {
        Json.object(path, n);
        String type = Json.text(path, n, "type");
        return switch (type) {
            case "ecdsa" -> {
                onlyFields(path, n, Set.of("type", "accounts", "threshold", "validator"));
                var accounts = list(path, n, "accounts", (p, v) -> dev.latchkey.session.model.Address.parse(p, v.isTextual() ? v.asText() : null));
                int threshold = has(n, "threshold") ? Json.uint(path, n, "threshold", 8).intValue() : 1;
                yield new Owners.Ecdsa(accounts, threshold, has(n, "validator") ? Json.address(path, n, "validator") : Owners.OWNABLE_VALIDATOR);
            }
            case "passkey" -> {
                onlyFields(path, n, Set.of("type", "credentials", "threshold", "usePrecompile", "validator"));
                var creds = list(path, n, "credentials", (p, v) -> {
                    onlyFields(p, v, Set.of("pubKeyX", "pubKeyY", "requireUV"));
                    return new Owners.Passkey.Credential(Json.uint(p, v, "pubKeyX", 256), Json.uint(p, v, "pubKeyY", 256),
                            has(v, "requireUV") && Json.bool(p, v, "requireUV"));
                });
                yield new Owners.Passkey(creds, has(n, "threshold") ? Json.uint(path, n, "threshold", 8).intValue() : 1,
                        has(n, "usePrecompile") && Json.bool(path, n, "usePrecompile"),
                        has(n, "validator") ? Json.address(path, n, "validator") : Owners.WEBAUTHN_VALIDATOR);
            }
            case "custom" -> {
                onlyFields(path, n, Set.of("type", "validator", "initData"));
                yield new Owners.Custom(Json.address(path, n, "validator"), Json.hex(path, n, "initData"));
            }
            default -> throw new FieldException(path + ".type", "unknown owners type: " + type);
        };
    }

    private static Action action(String path, JsonNode n) {
        onlyFields(path, n, Set.of("target", "selector", "policies"));
        return new Action(Json.address(path, n, "target"), Json.selector(path, n, "selector"),
                has(n, "policies") ? list(path, n, "policies", PolicyJson::read) : List.of(new Policy.Sudo()));
    }

    private static Signing signing(String path, JsonNode n) {
        onlyFields(path, n, Set.of("allowedContent", "policies"));
        return new Signing(list(path, n, "allowedContent", (p, v) -> {
            onlyFields(p, v, Set.of("domainSeparator", "contentName"));
            return new Erc7739Context(Json.bytes32(p, v, "domainSeparator"), list(p, v, "contentName", (q, s) -> {
                if (!s.isTextual()) throw new FieldException(q, "expected a string");
                return s.asText();
            }));
        }), has(n, "policies") ? list(path, n, "policies", PolicyJson::read) : List.of(new Policy.Sudo()));
    }

    /** Writes every field explicitly (defaults materialized), plus the addresses of Latchkey's own policies. */
    public static ObjectNode write(SessionDocument doc) {
        WalletSession s = doc.session();
        ObjectNode n = F.objectNode();
        ObjectNode o = n.putObject("owners");
        switch (s.owners()) {
            case Owners.Ecdsa e -> {
                o.put("type", "ecdsa");
                ArrayNode a = o.putArray("accounts");
                e.accounts().forEach(x -> a.add(x.hex()));
                o.put("threshold", e.threshold()).put("validator", e.validator().hex());
            }
            case Owners.Passkey p -> {
                o.put("type", "passkey");
                ArrayNode a = o.putArray("credentials");
                p.credentials().forEach(c -> a.addObject().put("pubKeyX", c.pubKeyX().toString()).put("pubKeyY", c.pubKeyY().toString())
                        .put("requireUV", c.requireUserVerification()));
                o.put("threshold", p.threshold()).put("usePrecompile", p.usePrecompile()).put("validator", p.validator().hex());
            }
            case Owners.Custom c -> o.put("type", "custom").put("validator", c.validator().hex()).put("initData", c.initData().hex());
        }
        ArrayNode actions = n.putArray("actions");
        for (Action a : s.actions()) {
            ObjectNode an = actions.addObject().put("target", a.target().hex()).put("selector", a.selector().hex());
            ArrayNode ps = an.putArray("policies");
            a.policies().forEach(p -> ps.add(PolicyJson.write(p)));
        }
        ArrayNode ps = n.putArray("policies");
        s.policies().forEach(p -> ps.add(PolicyJson.write(p)));
        n.put("salt", s.salt().hex());
        ArrayNode chains = n.putArray("chains");
        s.chains().forEach(c -> chains.add(Long.toUnsignedString(c)));
        s.signing().ifPresent(g -> {
            ObjectNode gn = n.putObject("signing");
            ArrayNode ac = gn.putArray("allowedContent");
            g.allowedContent().forEach(c -> {
                ObjectNode cn = ac.addObject().put("domainSeparator", c.appDomainSeparator().hex());
                ArrayNode names = cn.putArray("contentName");
                c.contentNames().forEach(names::add);
            });
            ArrayNode gp = gn.putArray("policies");
            g.policies().forEach(p -> gp.add(PolicyJson.write(p)));
        });
        n.put("permitERC4337Paymaster", s.permitErc4337Paymaster());
        ObjectNode pa = n.putObject("policyAddresses");
        doc.policyAddresses().byKind().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> pa.put(e.getKey().jsonName(), e.getValue().hex()));
        return n;
    }
}
