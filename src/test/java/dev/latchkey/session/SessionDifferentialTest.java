package dev.latchkey.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.aa.signature.MockSignatures;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOpJson;
import dev.latchkey.session.codec.FastLz;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.PermissionEnableSig;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.codec.SmartSessionSignatures;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.hash.SessionDigests;
import dev.latchkey.session.json.SessionDocument;
import dev.latchkey.session.json.WalletSessionJson;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.ChainDigest;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.PolicyData;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyCodec;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.session.wallet.SessionMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Java vs @rhinestone/module-sdk 0.4.0 + viem over generated sessions: permissionId, Session ABI, per-chain
 * digests, enable hash (flags derived on both sides), USE / ENABLE signatures (compressed bytes and payload),
 * userOpHash, OwnableValidator mock signatures, and the init-data decoder on module-sdk's bytes. Any mismatch fails with its case and field.
 */
class SessionDifferentialTest {

    private static final int CASES = 240;
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void javaMatchesModuleSdkAndViemOnGeneratedSessions() throws Exception {
        SessionGenerator gen = new SessionGenerator(0x5e55105L);
        List<SessionGenerator.Case> cases = new ArrayList<>();
        ArrayNode input = mapper.createArrayNode();
        for (int i = 0; i < CASES; i++) {
            SessionGenerator.Case c = gen.next(i);
            cases.add(c);
            input.add(toJson(c));
        }
        JsonNode results = NodeReference.batch(mapper, mapper.createObjectNode().set("cases", input)).get("results");
        assertThat(results.size()).isEqualTo(CASES);

        List<String> mismatches = new ArrayList<>();
        Set<PolicyKind> kindsSeen = EnumSet.noneOf(PolicyKind.class);
        Set<String> modesSeen = new java.util.HashSet<>();
        for (int i = 0; i < CASES; i++) {
            SessionGenerator.Case c = cases.get(i);
            JsonNode ref = results.get(i);
            if (ref.has("error")) {
                mismatches.add(ref.get("error").asText());
                continue;
            }
            OnchainSession s = SessionMapper.toOnchain(c.session(), c.addresses());
            HexBytes pid = Ids.permissionId(s);
            check(mismatches, i, "permissionId", pid.hex(), ref.get("permissionId"));
            check(mismatches, i, "sessionAbi", SessionAbi.encode(s).hex(), ref.get("sessionAbi"));
            List<ChainDigest> digests = c.chains().stream().map(ch -> new ChainDigest(ch.chainId(),
                    SessionDigests.sessionDigest(s, c.account(), c.smartSession(), c.mode(), ch.nonce()))).toList();
            for (int k = 0; k < digests.size(); k++) {
                check(mismatches, i, "chainDigests[" + k + "]", digests.get(k).sessionDigest().hex(), ref.get("chainDigests").get(k).get("sessionDigest"));
            }
            check(mismatches, i, "enableHash", SessionDigests.multichainDigest(digests).hex(), ref.get("enableHash"));
            EnablePlan plan = EnablePlan.of(s, c.account(), c.smartSession(), c.mode(),
                    c.chains().stream().map(ch -> new EnablePlan.ChainNonce(ch.chainId(), ch.nonce())).toList());
            check(mismatches, i, "enablePlan.hashToSign", plan.hashToSign().hex(), ref.get("enableHash"));
            check(mismatches, i, "useSignature", SmartSessionSignatures.use(pid, c.sessionSignature()).hex(), ref.get("useSignature"));
            EnableSession es = new EnableSession(c.enableIndex(), digests, s,
                    PermissionEnableSig.format(c.kind(), c.ownerValidator(), c.ownerSignature()));
            if (!es.equals(plan.enableSession(c.chains().get(c.enableIndex()).chainId(), es.permissionEnableSig()))
                    && c.chains().stream().map(SessionGenerator.ChainNonce::chainId).distinct().count() == c.chains().size()) {
                mismatches.add("case " + i + " EnablePlan.enableSession differs");
            }
            HexBytes enable = SmartSessionSignatures.enable(c.mode(), es, c.sessionSignature());
            HexBytes payload = SessionAbi.encodeEnablePayload(es, c.sessionSignature());
            check(mismatches, i, "enableSignature", enable.hex(), ref.get("enableSignature"));
            check(mismatches, i, "enablePayload", payload.hex(), ref.get("enablePayload"));
            check(mismatches, i, "enablePayload(decompressed)",
                    HexBytes.of(FastLz.decompress(enable.slice(1, enable.length()).bytes())).hex(), ref.get("enablePayload"));
            check(mismatches, i, "mockSignature", MockSignatures.sessionValidatorMock(c.session().owners()).hex(), ref.get("mockSignature"));
            check(mismatches, i, "userOpHash", UserOpHash.hash(c.userOp(), c.entryPoint(), c.userOpChainId()).hex(), ref.get("userOpHash"));
            List<Policy> typed = allPolicies(c);
            JsonNode refPolicies = ref.get("policyInitData");
            for (int k = 0; k < typed.size(); k++) {
                PolicyData pd = new PolicyData(dev.latchkey.session.model.Address.parse("policy", refPolicies.get(k).get("policy").asText()),
                        HexBytes.parse("initData", refPolicies.get(k).get("initData").asText()));
                Policy decoded = PolicyCodec.fromPolicyData("policy", pd, c.addresses());
                if (!decoded.equals(typed.get(k))) mismatches.add("case " + i + " decode policy " + k + ": " + decoded + " != " + typed.get(k));
                kindsSeen.add(decoded.kind());
            }
            modesSeen.add(c.mode().name());
        }
        assertThat(mismatches).as("mismatches").isEmpty();
        assertThat(comparisons).as("values compared").isGreaterThan(CASES * 9);
        System.out.printf("differential: %d sessions, %d values compared, 0 mismatches; case 0 enable hash %s%n",
                CASES, comparisons, results.get(0).get("enableHash").asText());
        assertThat(kindsSeen).as("every policy type exercised").containsAll(EnumSet.allOf(PolicyKind.class));
        assertThat(modesSeen).containsExactlyInAnyOrder("ENABLE", "UNSAFE_ENABLE");
    }

    private static List<Policy> allPolicies(SessionGenerator.Case c) {
        List<Policy> out = new ArrayList<>(c.session().policies());
        c.session().signing().ifPresent(s -> out.addAll(s.policies()));
        c.session().actions().forEach(a -> out.addAll(a.policies()));
        return out;
    }

    private int comparisons;

    private void check(List<String> mismatches, int i, String field, String java, JsonNode ref) {
        comparisons++;
        if (ref == null || !java.equalsIgnoreCase(ref.asText())) {
            mismatches.add("case " + i + " " + field + ": java " + abbreviate(java) + " vs reference " + (ref == null ? null : abbreviate(ref.asText())));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 140 ? s.substring(0, 140) + "…(" + s.length() + ")" : s;
    }

    private ObjectNode toJson(SessionGenerator.Case c) {
        ObjectNode n = mapper.createObjectNode();
        n.set("session", WalletSessionJson.write(new SessionDocument(c.session(), c.addresses())));
        ObjectNode ours = n.putObject("ourPolicies");
        for (PolicyKind k : List.of(PolicyKind.PERIODIC_SPENDING_LIMIT, PolicyKind.RATE_LIMIT, PolicyKind.GAS_COST_LIMIT, PolicyKind.OPERATION_DEADLINE)) {
            ours.put(k.jsonName(), c.addresses().addressOf("x", k).hex());
        }
        n.put("account", c.account().hex());
        n.put("smartSession", c.smartSession().hex());
        ArrayNode chains = n.putArray("chains");
        c.chains().forEach(ch -> chains.addObject().put("chainId", Long.toUnsignedString(ch.chainId())).put("nonce", ch.nonce().toString()));
        n.put("mode", c.mode() == dev.latchkey.session.model.SmartSessionMode.UNSAFE_ENABLE ? "unsafe-enable" : "enable");
        n.put("enableIndex", c.enableIndex());
        n.put("accountType", switch (c.kind()) {
            case SAFE7579 -> "safe";
            case NEXUS -> "nexus";
            case KERNEL -> "kernel";
            case LATCHKEY, ERC7579_REFERENCE -> "erc7579-implementation";
        });
        n.put("ownerValidator", c.ownerValidator().hex());
        n.put("ownerSignature", c.ownerSignature().hex());
        n.put("sessionSignature", c.sessionSignature().hex());
        n.set("userOp", UserOpJson.write(c.userOp(), mapper));
        n.put("entryPoint", c.entryPoint().hex());
        n.put("userOpChainId", c.userOpChainId().toString());
        return n;
    }

}
