package dev.latchkey.automation;

import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Automations;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.signer.SessionDefinitions;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Creating and managing rules (the CLI and the app use this; the engine only runs them). Creation and edits are
 * refused, with the reason, when the rule needs more than its session allows ({@link RuleValidator}).
 */
public final class AutomationService {

    /** A rule with its decrypted parameters. */
    public record RuleView(AutomationRule row, RuleSpec spec, List<AutomationFiring> firings) { }

    /** Refused creation or edit; nothing was stored. */
    public static final class RuleRefusedException extends Exception {
        private final String exact;

        public RuleRefusedException(String message) {
            this(message, message);
        }

        /** {@code message} as worded for the user; {@code exact} the policy engine's own reason (policy, rule, words). */
        public RuleRefusedException(String message, String exact) {
            super(message);
            this.exact = exact;
        }

        public String exact() {
            return exact;
        }
    }

    private final Keystore keystore;
    private final Automations store;
    private final SessionDefinitions definitions;
    private final RuleValidator validator;
    private final RefusalWording wording;
    private final SecureRandom random = new SecureRandom();

    /** Words a policy refusal about the calls it judged (e.g. token amounts and contract names instead of hex words). */
    @FunctionalInterface
    public interface RefusalWording {
        RefusalWording ENGINE = (reason, calls) -> reason;

        String explain(String engineReason, List<dev.latchkey.aa.execution.Execution> calls);
    }

    public AutomationService(Keystore keystore, TradeNetwork network, SessionDefinitions definitions, PolicyAddresses policies) {
        this(keystore, network, definitions, policies, RefusalWording.ENGINE);
    }

    public AutomationService(Keystore keystore, TradeNetwork network, SessionDefinitions definitions, PolicyAddresses policies,
                             RefusalWording wording) {
        this.keystore = keystore;
        this.store = keystore.automations();
        this.definitions = definitions;
        this.validator = new RuleValidator(network, policies);
        this.wording = wording;
    }

    /** Validates {@code spec} against the session at chain time {@code chainTime} and stores it ACTIVE. */
    public AutomationRule add(byte[] permissionId, String label, RuleSpec spec, long chainTime) throws KeystoreException, RuleRefusedException {
        check(permissionId, spec, chainTime);
        byte[] id = new byte[16];
        random.nextBytes(id);
        return store.add(id, permissionId, spec.kind(), label, RuleSpecCodec.encode(spec));
    }

    /** Replaces the parameters after re-checking them against the rule's session; the kind cannot change. */
    public AutomationRule edit(byte[] ruleId, RuleSpec spec, long chainTime) throws KeystoreException, RuleRefusedException {
        return edit(ruleId, null, spec, chainTime);
    }

    /**
     * As {@link #edit(byte[], RuleSpec, long)}, also renaming the rule ({@code label} null or blank keeps the name).
     * The rule keeps its id, session, status, trigger position and history.
     */
    public AutomationRule edit(byte[] ruleId, String label, RuleSpec spec, long chainTime) throws KeystoreException, RuleRefusedException {
        AutomationRule row = store.get(ruleId);
        if (!row.kind().equals(spec.kind())) throw new RuleRefusedException("a " + row.kind() + " rule cannot become " + spec.kind());
        check(row.permissionId(), spec, chainTime);
        return store.edit(ruleId, row.version(), RuleSpecCodec.encode(spec), label);
    }

    public boolean pause(byte[] ruleId) throws KeystoreException {
        return store.setStatus(ruleId, EnumSet.of(AutomationRule.Status.ACTIVE), AutomationRule.Status.PAUSED, "paused by the owner",
                AutomationEvaluation.Result.PAUSED, 0, 0);
    }

    /** Resumes a paused rule, or one that needed attention once its session is usable again (re-checked first). */
    public boolean resume(byte[] ruleId, long chainTime) throws KeystoreException, RuleRefusedException {
        AutomationRule row = store.get(ruleId);
        check(row.permissionId(), RuleSpecCodec.decode(store.spec(ruleId)), chainTime);
        return store.setStatus(ruleId, EnumSet.of(AutomationRule.Status.PAUSED, AutomationRule.Status.NEEDS_ATTENTION),
                AutomationRule.Status.ACTIVE, "resumed by the owner", AutomationEvaluation.Result.RESUMED, 0, 0);
    }

    /** Removes a rule (kept as REMOVED with its history). A firing already handed to the signer still completes. */
    public boolean remove(byte[] ruleId) throws KeystoreException {
        return store.setStatus(ruleId, EnumSet.complementOf(EnumSet.of(AutomationRule.Status.REMOVED)), AutomationRule.Status.REMOVED,
                "removed by the owner", AutomationEvaluation.Result.REMOVED, 0, 0);
    }

    /** Every rule with its parameters and firings, oldest first; three reads whatever the number of rules. */
    public List<RuleView> list(boolean includeRemoved) throws KeystoreException {
        java.util.Map<String, byte[]> specs = store.specs();
        java.util.Map<String, List<AutomationFiring>> firings = new java.util.HashMap<>();
        for (AutomationFiring f : store.allFirings()) {
            firings.computeIfAbsent(java.util.HexFormat.of().formatHex(f.ruleId()), k -> new ArrayList<>()).add(f);
        }
        List<RuleView> out = new ArrayList<>();
        for (AutomationRule row : store.all()) {
            if (!includeRemoved && row.status() == AutomationRule.Status.REMOVED) continue;
            String id = java.util.HexFormat.of().formatHex(row.ruleId());
            byte[] spec = specs.get(id);
            if (spec == null) continue; // added between the two reads: the next refresh shows it
            out.add(new RuleView(row, RuleSpecCodec.decode(spec), List.copyOf(firings.getOrDefault(id, List.of()))));
        }
        return out;
    }

    /** Finds a rule by a hex prefix of its id (at least 4 hex digits, unique). */
    public AutomationRule find(String idPrefix) throws KeystoreException {
        String p = idPrefix.toLowerCase().replaceFirst("^0x", "");
        if (p.length() < 4 || !p.matches("[0-9a-f]+")) throw new KeystoreException.InvalidInputException("a rule id is hex (at least 4 digits)");
        List<AutomationRule> hits = store.all().stream().filter(r -> java.util.HexFormat.of().formatHex(r.ruleId()).startsWith(p)).toList();
        if (hits.isEmpty()) throw new KeystoreException.NotFoundException("no rule " + idPrefix);
        if (hits.size() > 1) throw new KeystoreException.InvalidInputException("rule id " + idPrefix + " is ambiguous; give more digits");
        return hits.get(0);
    }

    private void check(byte[] permissionId, RuleSpec spec, long chainTime) throws KeystoreException, RuleRefusedException {
        SessionRecord session = keystore.sessions().get(permissionId);
        Optional<OnchainSession> def = definitions.definitionOf(session);
        if (def.isEmpty()) throw new RuleRefusedException("the session's definition is unknown to the wallet");
        Optional<RuleValidator.Refusal> refusal = validator.refusal(spec, session, def.get(), chainTime);
        if (refusal.isPresent()) {
            RuleValidator.Refusal r = refusal.get();
            throw new RuleRefusedException("the session does not allow this rule: " + r.context() + wording.explain(r.reason(), r.calls()),
                    "the session does not allow this rule: " + r);
        }
    }
}
