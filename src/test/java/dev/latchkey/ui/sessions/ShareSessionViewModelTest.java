package dev.latchkey.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.agent.bundle.AgentBundle;
import dev.latchkey.agent.bundle.BundleEnvelope;
import dev.latchkey.agent.bundle.BundlePlaintext;
import dev.latchkey.agent.bundle.ServerKey;
import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.onchain.StoredSessionDefinitions;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.WalletDevnet;
import dev.latchkey.ui.common.ChangeFeed;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.notifications.NotificationsViewModel;
import dev.latchkey.ui.notifications.NotificationsViewModel.Kind;
import dev.latchkey.ui.status.ManualTicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sessions screen's "Share with a server…" without the toolkit, over the app's real sessions port on the devnet:
 * the form's checks in words, the wallet password re-check, the bundle it writes (and who can open it), and the card
 * that then says "Shared with &lt;server&gt;".
 */
@ExtendWith(DevnetExtension.class)
class ShareSessionViewModelTest {

    static final String PASSPHRASE = "share-Meadow-Lantern-83 words";

    @TempDir Path dir;

    private final NotificationsViewModel notes = TestWalletSessions.notifications();

    private SessionsViewModel sessions(WalletDevnet w) {
        return new SessionsViewModel(w.workspace.sessions(), TestWalletSessions.synchronous(), TestWalletSessions.synchronous(),
                new ManualTicker(), Clock.systemUTC(), notes, ChangeFeed.NONE, FxExecutor.direct(), () -> { },
                TestWalletSessions.synchronous(), r -> { }, TestWalletSessions::synchronous);
    }

    /** An approved USDC → WETH session with a recurring swap that is not due for a day (the app's engine leaves it). */
    private static HexBytes approvedWithRule(WalletDevnet w) throws Exception {
        w.fund();
        HexBytes pid = w.swapSession(500, 2000).permissionId();
        w.approve(pid);
        AutomationService rules = new AutomationService(w.keystore(), w.ws().profile().tradeNetwork(), new StoredSessionDefinitions(),
                w.ws().profile().policies());
        rules.add(pid.bytes(), "dca", new RuleSpec.RecurringPayment(RuleSpec.Mode.SWAP, "USDC", null, "WETH", 500, WalletDevnet.usdc(10),
                3600, w.ws().chain().chainTime() + 86_400, 0, 3, 100), w.ws().chain().chainTime());
        return pid;
    }

    private static ShareSessionViewModel open(SessionsViewModel vm) {
        SessionCardViewModel card = vm.cards().get(0);
        assertThat(card.shareable()).isTrue();
        card.onShare();
        return vm.sharingProperty().get();
    }

    @Test
    void theFormSaysWhatIsWrongInWordsAndSharesOnlyWhenEverythingHolds(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            approvedWithRule(w);
            SessionsViewModel vm = sessions(w);
            vm.activate();
            ShareSessionViewModel share = open(vm);
            assertThat(share).isNotNull();
            assertThat(share.title()).isEqualTo("Share “uniswap-swap” with a server");
            assertThat(share.automationsProperty().get()).isEqualTo(
                    "These automation rules go along and run on the server (they are paused in this wallet): dca (recurring).");
            assertThat(share.refusalProperty().get()).isEmpty();
            assertThat(Path.of(share.fileProperty().get())).hasFileName("latchkey-uniswap-swap.bundle");
            assertThat(share.warning()).contains("until you revoke it here").contains("USDC today")
                    .contains("never holds your owner key");
            assertThat(share.canShareProperty().get()).as("nothing typed yet").isFalse();
            assertThat(share.serverErrorProperty().get()).as("an empty field is not shouted at").isEmpty();

            share.serverProperty().set("r".repeat(65));
            assertThat(share.serverErrorProperty().get()).isEqualTo("At most 64 characters.");
            share.serverProperty().set("rack\u00071");
            assertThat(share.serverErrorProperty().get()).isEqualTo("Letters, digits and punctuation only.");
            share.serverProperty().set("rack-1");
            assertThat(share.serverErrorProperty().get()).isEmpty();

            share.passphraseProperty().set("short");
            assertThat(share.passphraseErrorProperty().get()).isNotEmpty().doesNotContain("Exception");
            share.passphraseProperty().set(PASSPHRASE);
            assertThat(share.passphraseErrorProperty().get()).isEmpty();
            share.confirmationProperty().set(PASSPHRASE + "x");
            assertThat(share.confirmationErrorProperty().get()).isEqualTo("Does not match the passphrase.");
            share.confirmationProperty().set(PASSPHRASE);
            assertThat(share.confirmationErrorProperty().get()).isEmpty();
            assertThat(share.canShareProperty().get()).as("the wallet password is still missing").isFalse();
            share.passwordProperty().set(TestWalletSessions.PASSWORD);
            assertThat(share.canShareProperty().get()).isTrue();

            share.sealingProperty().set(ShareSessionViewModel.Sealing.SERVER_KEY);
            assertThat(share.canShareProperty().get()).as("no server key yet").isFalse();
            share.serverKeyProperty().set("ssh-ed25519 AAAAC3Nza");
            assertThat(share.serverKeyErrorProperty().get())
                    .isEqualTo("Paste the key 'latchkey agent keygen' printed on the server: x25519: and 64 hex digits.");
            share.serverKeyProperty().set("x25519:" + "ab".repeat(32));
            assertThat(share.serverKeyErrorProperty().get()).isEmpty();
            assertThat(share.canShareProperty().get()).isTrue();
            share.sealingProperty().set(ShareSessionViewModel.Sealing.PASSPHRASE);

            share.fileProperty().set("bad\0name");
            assertThat(share.fileErrorProperty().get()).isEqualTo("Not a file name this computer can use.");
            assertThat(share.canShareProperty().get()).isFalse();
            Path existing = Files.writeString(dir.resolve("existing.bundle"), "keep me");
            share.fileProperty().set(existing.toString());

            // a file that exists is never replaced; the refusal is in words and nothing is recorded
            share.onShare();
            assertThat(share.errorProperty().get()).contains("exists already").doesNotContain("Exception");
            assertThat(Files.readString(existing)).isEqualTo("keep me");
            assertThat(share.doneProperty().get()).isFalse();
            assertThat(share.passwordProperty().get()).as("the password is asked again").isEmpty();

            // the wrong wallet password: nothing written
            Path file = dir.resolve("out/rack-1.bundle");
            Files.createDirectories(file.getParent());
            share.fileProperty().set(file.toString());
            share.passwordProperty().set("Not-the-password-1");
            share.onShare();
            assertThat(share.errorProperty().get()).isEqualTo("Wrong password. Check Caps Lock and try again.");
            assertThat(file).doesNotExist();
            vm.onRefresh();
            assertThat(vm.cards().get(0).sharedWith()).isEmpty();
        }
    }

    @Test
    void sharingToAPassphraseWritesTheSessionAndItsRulesAndTheCardSaysSharedWith(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            HexBytes pid = approvedWithRule(w);
            SessionsViewModel vm = sessions(w);
            vm.activate();
            ShareSessionViewModel share = open(vm);
            Path file = dir.resolve("rack-1.bundle");
            share.serverProperty().set("  rack-1 ");
            share.passphraseProperty().set(PASSPHRASE);
            share.confirmationProperty().set(PASSPHRASE);
            share.fileProperty().set(file.toString());
            share.passwordProperty().set(TestWalletSessions.PASSWORD);
            share.onShare();

            assertThat(share.errorProperty().get()).isEmpty();
            assertThat(share.doneProperty().get()).isTrue();
            assertThat(share.canShareProperty().get()).as("one share per form").isFalse();
            assertThat(share.passphraseProperty().get()).as("secrets leave the form").isEmpty();
            assertThat(share.passwordProperty().get()).isEmpty();
            assertThat(share.resultProperty().get()).startsWith("Written to " + file + ", sealed for rack-1 (agent ")
                    .contains("1 automation rule now runs on the server and is paused here.")
                    .endsWith("Copy the file to the server, then run: latchkey agent run --bundle rack-1.bundle --data DIR --passphrase-file FILE");

            // what was written: the session key and the rule, no owner key; only this passphrase opens it
            byte[] plain = BundlePlaintext.of(file, PASSPHRASE.toCharArray());
            String owner = w.keystore().keys().ownerKeys().get(0).publicRef();
            byte[] ownerKey = w.keystore().keys().withOwnerKey(owner, k -> k.bytes().clone());
            String sessionKeyAddress = w.keystore().sessions().get(pid.bytes()).sessionKeyAddress();
            byte[] sessionKey = w.keystore().keys().withSessionKeyForSharing(sessionKeyAddress, k -> k.bytes().clone());
            assertThat(BundlePlaintext.holds(plain, sessionKey)).as("the scan finds a key that is there").isTrue();
            assertThat(BundlePlaintext.holds(plain, ownerKey)).as("owner key in the bundle").isFalse();
            try (AgentBundle b = BundleEnvelope.open(file, PASSPHRASE.toCharArray())) {
                assertThat(b.server()).isEqualTo("rack-1");
                assertThat(b.session().permissionId()).isEqualTo(pid.bytes());
                assertThat(b.rules()).extracting(AgentBundle.Rule::label).containsExactly("dca");
                assertThat(share.resultProperty().get()).contains("(agent " + b.agentId() + ")");
            }
            assertThat(w.keystore().automations().all()).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(AutomationRule.Status.PAUSED));

            // the card says so, cannot be shared again, and the screen told the person
            assertThat(notes.items().get(0).kind()).isEqualTo(Kind.SUCCESS);
            assertThat(notes.items().get(0).title()).isEqualTo("uniswap-swap shared with rack-1");
            SessionCardViewModel card = vm.cards().get(0);
            assertThat(card.sharedWith()).isEqualTo("Shared with rack-1 — a server signs with this session until you revoke it");
            assertThat(card.shareable()).isFalse();
            share.onClose();
            assertThat(vm.sharingProperty().get()).isNull();
            card.onShare();
            assertThat(vm.sharingProperty().get()).as("a shared card opens no form").isNull();
        }
    }

    @Test
    void sharingToAServerKeyOpensOnlyWithThatKeyAndAnAlreadySharedSessionIsRefusedInWords(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir); ServerKey server = ServerKey.generate(); ServerKey other = ServerKey.generate()) {
            HexBytes pid = approvedWithRule(w);
            SessionsViewModel vm = sessions(w);
            vm.activate();
            ShareSessionViewModel share = open(vm);
            Path file = dir.resolve("rack-2.bundle");
            share.serverProperty().set("rack-2");
            share.sealingProperty().set(ShareSessionViewModel.Sealing.SERVER_KEY);
            share.serverKeyProperty().set(ServerKey.text(server.publicKey()));
            share.fileProperty().set(file.toString());
            share.passwordProperty().set(TestWalletSessions.PASSWORD);
            share.onShare();
            assertThat(share.errorProperty().get()).isEmpty();
            assertThat(share.resultProperty().get()).endsWith("latchkey agent run --bundle rack-2.bundle --data DIR");
            try (AgentBundle b = BundleEnvelope.open(file, server)) {
                assertThat(b.session().permissionId()).isEqualTo(pid.bytes());
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> BundleEnvelope.open(file, other))
                    .hasMessageContaining("not to this agent's");
            assertThat(vm.cards().get(0).sharedWith()).startsWith("Shared with rack-2");

            // the same session once more, past the card (an old form): the plan refuses it in words
            ShareSessionViewModel again = new ShareSessionViewModel(vm.cards().get(0).card(), w.workspace.sessions(),
                    TestWalletSessions.synchronous(), TestWalletSessions.synchronous(), s -> { }, () -> { });
            assertThat(again.refusalProperty().get()).startsWith("Cannot share it: session " + pid.hex() + " is already shared with rack-2");
            again.serverProperty().set("rack-3");
            again.passphraseProperty().set(PASSPHRASE);
            again.confirmationProperty().set(PASSPHRASE);
            again.passwordProperty().set(TestWalletSessions.PASSWORD);
            assertThat(again.canShareProperty().get()).isFalse();
        }
    }
}
