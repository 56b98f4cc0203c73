package dev.latchkey.agent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.Submission;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plaintext of a bundle: the 32-byte session key, then the rest as UTF-8 JSON. The key never becomes text (no
 * String copy to linger); everything else is readable for whoever holds the decryption key.
 */
final class BundleCodec {

    static final int KEY_BYTES = 32;
    private static final int MAX_JSON_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private BundleCodec() { }

    /** The caller zeroes the returned array. */
    static byte[] encode(AgentBundle b) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", AgentBundle.FORMAT);
        root.put("agentId", b.agentId());
        root.put("server", b.server());
        root.put("sharedAt", b.sharedAt().toString());
        root.set("network", network(b.network()));
        ObjectNode account = root.putObject("account");
        account.put("address", b.account().address());
        account.put("ownerAddress", b.account().ownerAddress());
        account.put("label", b.account().label());
        root.set("session", session(b.session()));
        root.put("sessionLabel", b.sessionLabel());
        b.approval().ifPresent(a -> root.put("approval", hex(a)));
        ArrayNode budget = root.putArray("budget");
        b.budget().forEach(l -> budget.addObject().put("token", l.token()).put("cap", l.cap().toString()).put("uses", l.uses()));
        ArrayNode rules = root.putArray("rules");
        b.rules().forEach(r -> rules.addObject().put("ruleId", hex(r.ruleId())).put("kind", r.kind()).put("label", r.label())
                .put("spec", new String(r.spec(), StandardCharsets.UTF_8)));
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] out = new byte[KEY_BYTES + json.length];
        System.arraycopy(b.sessionKey(), 0, out, 0, KEY_BYTES);
        System.arraycopy(json, 0, out, KEY_BYTES, json.length);
        return out;
    }

    /** Reads what {@link #encode} wrote; {@code plain} is not kept (the key is copied out). */
    static AgentBundle decode(byte[] plain) throws BundleException {
        if (plain.length <= KEY_BYTES || plain.length > KEY_BYTES + MAX_JSON_BYTES) {
            throw new BundleException("the bundle's contents have the wrong size (" + plain.length + " bytes)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Arrays.copyOfRange(plain, KEY_BYTES, plain.length));
        } catch (IOException e) {
            throw new BundleException("the bundle's contents are not the JSON a Latchkey wallet writes");
        }
        try {
            if (!AgentBundle.FORMAT.equals(text(root, "format"))) {
                throw new BundleException("unknown bundle format '" + root.path("format").asText() + "' (this agent reads " + AgentBundle.FORMAT + ")");
            }
            JsonNode a = root.path("account");
            Sessions.Account account = new Sessions.Account(text(a, "address"), text(a, "ownerAddress"), a.path("label").asText(""));
            List<AgentBundle.Budget> budget = new ArrayList<>();
            for (JsonNode l : root.path("budget")) budget.add(new AgentBundle.Budget(text(l, "token"), new BigInteger(text(l, "cap")), l.path("uses").asLong()));
            List<AgentBundle.Rule> rules = new ArrayList<>();
            for (JsonNode r : root.path("rules")) {
                rules.add(new AgentBundle.Rule(bytes(r, "ruleId"), text(r, "kind"), text(r, "label"), text(r, "spec").getBytes(StandardCharsets.UTF_8)));
            }
            Optional<byte[]> approval = root.hasNonNull("approval") ? Optional.of(bytes(root, "approval")) : Optional.empty();
            return new AgentBundle(text(root, "agentId"), text(root, "server"), Instant.parse(text(root, "sharedAt")), network(root.path("network")),
                    account, session(root.path("session")), root.path("sessionLabel").asText("session"), approval, budget, rules,
                    Arrays.copyOf(plain, KEY_BYTES));
        } catch (RuntimeException e) {
            throw new BundleException("the bundle's contents are malformed: " + e.getMessage(), e);
        }
    }

    private static ObjectNode network(NetworkProfile p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", p.name());
        n.put("chainId", p.chainId());
        n.put("rpcUrl", p.rpcUrl().toString());
        if (p.submission() instanceof Submission.Bundler b) n.put("bundlerUrl", b.url().toString());
        n.put("entryPoint", p.entryPoint().hex());
        n.put("smartSession", p.smartSession().hex());
        n.put("ownableValidator", p.ownableValidator().hex());
        ObjectNode policies = n.putObject("policies");
        p.policies().byKind().forEach((k, v) -> policies.put(k.jsonName(), v.hex()));
        p.accountFactory().ifPresent(a -> n.put("accountFactory", a.hex()));
        p.swapRouter02().ifPresent(a -> n.put("swapRouter02", a.hex()));
        p.quoterV2().ifPresent(a -> n.put("quoterV2", a.hex()));
        p.aavePool().ifPresent(a -> n.put("aavePool", a.hex()));
        ArrayNode tokens = n.putArray("tokens");
        p.tokens().forEach(t -> tokens.addObject().put("symbol", t.symbol()).put("address", t.address().hex()).put("decimals", t.decimals()));
        return n;
    }

    private static NetworkProfile network(JsonNode n) throws BundleException {
        Map<PolicyKind, Address> policies = new EnumMap<>(PolicyKind.class);
        var it = n.path("policies").fields();
        while (it.hasNext()) {
            var e = it.next();
            policies.put(PolicyKind.fromJson("policies", e.getKey()), Address.parse("policies." + e.getKey(), e.getValue().asText()));
        }
        List<Token> tokens = new ArrayList<>();
        for (JsonNode t : n.path("tokens")) tokens.add(new Token(text(t, "symbol"), Address.parse("token", text(t, "address")), t.path("decimals").asInt()));
        Submission submission = n.hasNonNull("bundlerUrl") ? new Submission.Bundler(URI.create(text(n, "bundlerUrl")))
                : new Submission.None("the bundle names no bundler for " + text(n, "name") + "; start the agent with --bundler-url");
        return new NetworkProfile(text(n, "name"), n.path("chainId").asLong(), URI.create(text(n, "rpcUrl")), submission,
                addr(n, "entryPoint"), addr(n, "smartSession"), addr(n, "ownableValidator"), new PolicyAddresses(policies),
                optional(n, "accountFactory"), tokens, optional(n, "swapRouter02"), optional(n, "quoterV2"), optional(n, "aavePool"),
                Optional.empty());
    }

    private static ObjectNode session(SessionRecord s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("permissionId", hex(s.permissionId()));
        o.put("account", s.account());
        o.put("sessionKeyAddress", s.sessionKeyAddress());
        o.put("salt", hex(s.salt()));
        o.put("sessionStruct", hex(s.sessionStruct()));
        o.put("sessionDigest", hex(s.sessionDigest()));
        o.put("validAfter", s.validAfter());
        o.put("validUntil", s.validUntil());
        o.put("status", s.status().name());
        o.put("nonceKeyBase", hex(s.nonceKeyBase()));
        ArrayNode chains = o.putArray("chains");
        s.chains().forEach(c -> chains.addObject().put("chainId", c.chainId()).put("smartSession", c.smartSession())
                .put("enableNonce", c.enableNonce()).put("enabled", c.enabled()));
        return o;
    }

    private static SessionRecord session(JsonNode o) throws BundleException {
        List<SessionRecord.Chain> chains = new ArrayList<>();
        for (JsonNode c : o.path("chains")) {
            chains.add(new SessionRecord.Chain(c.path("chainId").asLong(), text(c, "smartSession"), c.path("enableNonce").asLong(),
                    c.path("enabled").asBoolean()));
        }
        if (chains.isEmpty()) throw new BundleException("the bundle's session names no chain");
        return new SessionRecord(bytes(o, "permissionId"), text(o, "account"), text(o, "sessionKeyAddress"), bytes(o, "salt"),
                bytes(o, "sessionStruct"), bytes(o, "sessionDigest"), o.path("validAfter").asLong(), o.path("validUntil").asLong(),
                SessionStatus.valueOf(text(o, "status")), bytes(o, "nonceKeyBase"), chains);
    }

    private static String text(JsonNode n, String field) throws BundleException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) throw new BundleException("the bundle lacks '" + field + "'");
        return v.asText();
    }

    private static byte[] bytes(JsonNode n, String field) throws BundleException {
        try {
            return HEX.parseHex(text(n, field).replaceFirst("^0x", ""));
        } catch (IllegalArgumentException e) {
            throw new BundleException("the bundle's '" + field + "' is not hex");
        }
    }

    private static Address addr(JsonNode n, String field) throws BundleException {
        return Address.parse(field, text(n, field));
    }

    private static Optional<Address> optional(JsonNode n, String field) throws BundleException {
        return n.hasNonNull(field) ? Optional.of(addr(n, field)) : Optional.empty();
    }

    private static String hex(byte[] b) {
        return "0x" + HEX.formatHex(b);
    }
}
