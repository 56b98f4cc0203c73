package dev.latchkey.agent.bundle;

import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.BudgetEntry;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.SessionLabels;
import dev.latchkey.wallet.Submission;
import dev.latchkey.wallet.WalletException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner's side of sharing (issue 16): one session — its approved definition, ledger lines, automation rules that
 * have not fired yet, the network profile and its session key — sealed into a bundle for one server and bound to a
 * new agent id. The wallet then shows the session "shared with <server>" and pauses those rules here, so the wallet
 * and the agent never both fire them. The owner key is never read.
 */
public final class SessionShare {

    /** What was written: the agent id, the rules handed over and the file. */
    public record Result(String agentId, String server, HexBytes permissionId, List<String> rules, Path file) { }

    private static final int MAX_SERVER_NAME = 64;

    private final Keystore keystore;
    private final NetworkProfile network;
    private final InstantSource clock;

    public SessionShare(Keystore keystore, NetworkProfile network, InstantSource clock) {
        this.keystore = keystore;
        this.network = network;
        this.clock = clock;
    }

    public Result share(SessionRecord s, String server, Recipient to, Path file) throws KeystoreException, IOException {
        String name = server == null ? "" : server.strip();
        if (name.isEmpty() || name.length() > MAX_SERVER_NAME || !name.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new WalletException(WalletException.Kind.INVALID, "--server: a name of 1 to " + MAX_SERVER_NAME
                    + " printable characters (what the wallet shows: \"shared with <name>\"), got '" + name + "'");
        }
        if (Files.exists(file)) throw new WalletException(WalletException.Kind.INVALID, "--to: " + file + " exists; choose a new file");
        HexBytes pid = HexBytes.of(s.permissionId());
        Sessions.Account account = keystore.sessions().accounts().stream().filter(a -> a.address().equalsIgnoreCase(s.account()))
                .findFirst().orElseThrow(() -> new WalletException(WalletException.Kind.NOT_FOUND, "no account " + s.account() + " in this wallet"));
        List<AgentBundle.Rule> rules = new ArrayList<>();
        for (AutomationRule r : handedOver(s)) {
            rules.add(new AgentBundle.Rule(r.ruleId(), r.kind(), r.label(), keystore.automations().spec(r.ruleId())));
        }
        List<AgentBundle.Budget> budget = new ArrayList<>();
        for (BudgetEntry b : keystore.sessions().budget(s.permissionId())) budget.add(new AgentBundle.Budget(b.token(), b.capTotal(), b.usesCap()));
        Optional<byte[]> approval = s.status() == SessionStatus.ENABLED ? Optional.empty() : keystore.sessions().approval(s.permissionId());
        String agentId = UUID.randomUUID().toString();
        SessionShares.Share share = new SessionShares.Share(name, agentId, clock.instant());
        String label = SessionLabels.of(keystore.settings(), pid);
        keystore.keys().withSessionKeyForSharing(s.sessionKeyAddress(), key -> {
            try (AgentBundle bundle = new AgentBundle(agentId, name, share.at(), network, account, s, label, approval, budget, rules,
                    key.bytes().clone())) {
                BundleEnvelope.write(file, bundle, to);
            } catch (IOException e) {
                throw new KeystoreException.StorageException("cannot write the bundle to " + file + ": " + e.getMessage(), e);
            }
            return null;
        });
        try {
            SessionShares.record(keystore.settings(), pid, share);
            for (AgentBundle.Rule r : rules) {
                keystore.automations().setStatus(r.ruleId(), EnumSet.of(AutomationRule.Status.ACTIVE), AutomationRule.Status.PAUSED,
                        "runs on agent " + name, AutomationEvaluation.Result.PAUSED, 0, 0);
            }
            keystore.activity().append(dev.latchkey.keystore.ActivityKind.SESSION_SHARED, pid.hex(), "shared with server " + name + " (agent " + agentId + "), "
                    + rules.size() + " automation rule(s) handed over");
        } catch (KeystoreException | RuntimeException e) {
            Files.deleteIfExists(file); // not recorded as shared: the bundle must not exist either
            throw e;
        }
        return new Result(agentId, name, pid, rules.stream().map(r -> HexBytes.of(r.ruleId()).hex()).toList(), file);
    }

    /**
     * Whether {@code s} can be shared now, and if so the automation rules that go along (ACTIVE, never fired); a session
     * that cannot be shared is refused with the reason. Reads only: the Sessions screen shows this before its form.
     */
    public List<AutomationRule> handedOver(SessionRecord s) throws KeystoreException {
        HexBytes pid = HexBytes.of(s.permissionId());
        if (s.status() == SessionStatus.REVOKED || s.status() == SessionStatus.REVOKING) {
            throw new WalletException(WalletException.Kind.STATE, "session " + pid.hex() + " is " + s.status() + "; only a live session can be shared");
        }
        if (s.status() != SessionStatus.ENABLED && !s.approved()) {
            throw new WalletException(WalletException.Kind.STATE, "session " + pid.hex() + " is not approved yet; approve it first ('latchkey session enable')");
        }
        if (s.chain(network.chainId()).isEmpty()) {
            throw new WalletException(WalletException.Kind.STATE, "session " + pid.hex() + " is not on " + network.name());
        }
        if (s.validUntil() <= clock.instant().getEpochSecond()) {
            throw new WalletException(WalletException.Kind.STATE, "session " + pid.hex() + " has expired");
        }
        if (!(network.submission() instanceof Submission.Bundler)) {
            throw new WalletException(WalletException.Kind.STATE, "an agent submits through an ERC-4337 bundler and " + network.name()
                    + " has none configured; give --bundler-url");
        }
        Optional<SessionShares.Share> earlier = SessionShares.of(keystore.settings(), pid);
        if (earlier.isPresent()) {
            throw new WalletException(WalletException.Kind.STATE, "session " + pid.hex() + " is already " + earlier.get().text()
                    + " (agent " + earlier.get().agentId() + "); one session runs on one agent: revoke it and share a new session");
        }
        List<AutomationRule> rules = new ArrayList<>();
        for (AutomationRule r : keystore.automations().all()) {
            if (!Arrays.equals(r.permissionId(), s.permissionId()) || r.status() != AutomationRule.Status.ACTIVE) continue;
            if (r.nextSeq() != 0 || r.nextAttempt() != 0) {
                throw new WalletException(WalletException.Kind.STATE, "rule " + HexBytes.of(r.ruleId()).hex().substring(2, 10) + " (" + r.label()
                        + ") already fired in this wallet; only rules that never fired are handed to an agent (remove it, or pause it to keep it here)");
            }
            rules.add(r);
        }
        return rules;
    }
}
