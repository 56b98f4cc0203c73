package dev.latchkey.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Our builds of the six canonical-kind policies expose exactly the external ABI of the canonical Smart Sessions v1
 * policies (erc7579/smartsessions f5aaf86): the same functions, argument types and return types in the same order,
 * and nothing more — so the wallet's one reader (aa.flow.ChainPolicyState) is right on both stacks. The facts below
 * were read from the canonical sources; a rename, a reordered return or an extra getter fails here.
 */
class CanonicalPolicyAbiTest {

    private static final String CHECK_ACTION = "checkAction(bytes32,address,address,uint256,bytes)->(uint256)";
    private static final String CHECK_USEROP = "checkUserOpPolicy(bytes32,(address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes))->(uint256)";
    private static final String CHECK_1271 = "check1271SignedAction(bytes32,address,address,bytes32,bytes)->(bool)";
    private static final String INIT = "initializeWithMultiplexer(address,bytes32,bytes)->()";
    private static final String ERC165 = "supportsInterface(bytes4)->(bool)";

    /** Canonical external functions per policy, "name(inputs)->(outputs)". */
    private static final Map<String, List<String>> CANONICAL = Map.of(
            "SudoPolicy", List.of(CHECK_ACTION, CHECK_USEROP, CHECK_1271, INIT, ERC165),
            "UniActionPolicy", List.of(CHECK_ACTION, INIT, ERC165,
                    // public mapping of ActionConfig: the nested ParamRules comes back whole, rules included
                    "actionConfigs(bytes32,address,address)->(uint256,(uint256,(uint8,uint64,bool,bytes32,(uint256,uint256))[16]))"),
            "ERC20SpendingLimitPolicy", List.of(CHECK_ACTION, INIT, ERC165,
                    "getPolicyData(bytes32,address,address,address)->(uint256,uint256,uint256)"),
            "TimeFramePolicy", List.of(CHECK_ACTION, CHECK_USEROP, CHECK_1271, INIT, ERC165,
                    "timeFrameConfigs(bytes32,address,address)->(uint256)",
                    "getTimeFrameConfig(bytes32,address,address)->(uint256)"),
            "UsageLimitPolicy", List.of(CHECK_ACTION, CHECK_USEROP, INIT, ERC165,
                    "usageLimitConfigs(bytes32,address,address)->(uint128,uint128)",
                    "getUsed(bytes32,address,address)->(uint128)",
                    "getUsageLimit(bytes32,address,address)->(uint128)"),
            "ValueLimitPolicy", List.of(CHECK_ACTION, CHECK_USEROP, INIT, ERC165,
                    "valueLimitConfigs(bytes32,address,address)->(uint256,uint256)",
                    "getUsed(bytes32,address,address)->(uint256)",
                    "getValueLimit(bytes32,address,address)->(uint256)"));

    /** Where the return types alone cannot show the order: the canonical names, in order. */
    private static final Map<String, List<String>> RETURN_NAMES = Map.of(
            "ERC20SpendingLimitPolicy.getPolicyData", List.of("spendingLimit", "alreadySpent", "approvedAmount"),
            "UsageLimitPolicy.usageLimitConfigs", List.of("limit", "used"),
            "ValueLimitPolicy.valueLimitConfigs", List.of("valueLimit", "limitUsed"));

    private final ContractArtifacts artifacts = ContractArtifacts.loadFromClasspath();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyCanonicalKindHasExactlyTheCanonicalExternalFunctions() throws IOException {
        for (var e : CANONICAL.entrySet()) {
            assertThat(functions(e.getKey())).as(e.getKey()).isEqualTo(new TreeSet<>(e.getValue()));
        }
    }

    @Test
    void returnsComeInTheCanonicalOrder() throws IOException {
        for (var e : RETURN_NAMES.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            JsonNode fn = function(parts[0], parts[1]);
            List<String> names = new ArrayList<>();
            fn.path("outputs").forEach(o -> names.add(o.path("name").asText()));
            assertThat(names).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void ourOwnPoliciesKeepTheirOwnGetters() throws IOException {
        // The wallet reads these through getters no canonical policy has (docs/policies.md §2).
        assertThat(functions("PeriodicSpendingLimitPolicy")).anyMatch(f -> f.startsWith("getBudget("));
        assertThat(functions("RateLimitPolicy")).anyMatch(f -> f.startsWith("getRateLimit("));
        assertThat(functions("GasCostLimitPolicy")).anyMatch(f -> f.startsWith("getUsage("));
    }

    private TreeSet<String> functions(String contract) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode f : mapper.readTree(artifacts.get(contract).abiJson())) {
            if (f.path("type").asText().equals("function")) out.add(f.path("name").asText() + types(f.path("inputs")) + "->" + types(f.path("outputs")));
        }
        return out;
    }

    private JsonNode function(String contract, String name) throws IOException {
        for (JsonNode f : mapper.readTree(artifacts.get(contract).abiJson())) {
            if (f.path("name").asText().equals(name)) return f;
        }
        throw new AssertionError(contract + " has no " + name);
    }

    private static String types(JsonNode params) {
        List<String> t = new ArrayList<>();
        for (JsonNode p : params) {
            String type = p.path("type").asText();
            t.add(type.startsWith("tuple") ? types(p.path("components")) + type.substring(5) : type);
        }
        return "(" + String.join(",", t) + ")";
    }
}
