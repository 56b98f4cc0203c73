package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.SmartSessionMode;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.builder.ApprovalRequest;
import dev.latchkey.ui.approve.ApprovalService;
import dev.latchkey.ui.automation.AutomationsViewModel;
import dev.latchkey.ui.automation.RuleForm;
import dev.latchkey.ui.builder.BuilderContext;
import dev.latchkey.ui.builder.SessionBuilderViewModel;
import dev.latchkey.ui.builder.Template;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.WalletSession;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** The installed app's wiring of the builder, the approval and automations, on the real devnet and a real keystore. */
@ExtendWith(DevnetExtension.class)
class ProductionServicesOnDevnetTest {

    @TempDir Path dir;

    @Test
    void aSessionBuiltInTheBuilderIsStoredAndApprovedWithOneOwnerSignature(Devnet devnet) throws Exception {
        try (WalletSession wallet = TestWalletSessions.session(dir, Clock.systemUTC());
             ProductionServices production = new ProductionServices(devnet.config().dir())) {
            String owner = wallet.create(dir.resolve("w"), TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
            UiServices services = production.services(wallet);

            BuilderContext context = services.environment().current();
            assertThat(context.network().chainId()).isEqualTo(devnet.manifest().chainId());
            assertThat(context.network().smartSession().checksummed()).isEqualToIgnoringCase(devnet.manifest().address("SmartSession"));
            assertThat(context.sessionValidator().checksummed()).isEqualToIgnoringCase(devnet.manifest().address("OwnableValidator"));
            assertThat(context.network().tokens()).extracting(t -> t.symbol()).contains("USDC", "WETH");
            assertThat(wallet.keystore().sessions().accounts()).singleElement().satisfies(a -> {
                assertThat(a.address()).isEqualTo(context.account().checksummed());
                assertThat(a.ownerAddress()).isEqualToIgnoringCase(owner);
            });
            assertThat(services.environment().current().account()).as("the same account next time").isEqualTo(context.account());

            List<ApprovalRequest> reviewed = new ArrayList<>();
            SessionBuilderViewModel builder = new SessionBuilderViewModel(context, services.sessionKeys(), services.salts(),
                    TestWalletSessions.synchronous(), reviewed::add);
            builder.activate();
            builder.templateProperty().set(Template.UNISWAP_SWAP);
            builder.onApplyTemplate();
            assertThat(builder.canReviewProperty().get()).as(builder.templateHintProperty().get() + " / " + builder.reviewHintProperty().get()
                    + " / " + builder.ownersHintProperty().get()).isTrue();
            builder.onReview();
            assertThat(builder.errorProperty().get()).isEmpty();
            ApprovalRequest request = reviewed.getFirst();
            assertThat(request.session().sessionValidator()).as("the devnet's validator checks the session key").isEqualTo(context.sessionValidator());
            EnablePlan plan = EnablePlan.of(request.session(), request.account(), request.smartSession(), SmartSessionMode.ENABLE,
                    request.chains());

            EnablePlan otherNonce = EnablePlan.of(request.session(), request.account(), request.smartSession(), SmartSessionMode.ENABLE,
                    List.of(new EnablePlan.ChainNonce(context.network().chainId(), BigInteger.ONE)));
            assertThatThrownBy(() -> services.approvals().approve(request, otherNonce, TestWalletSessions.PASSWORD.toCharArray()))
                    .hasMessageContaining("review it again");
            assertThatThrownBy(() -> services.approvals().approve(request, plan, "wrong".toCharArray()))
                    .isInstanceOf(KeystoreException.WrongPasswordException.class);
            HexBytes pid = Ids.permissionId(request.session());
            assertThat(wallet.keystore().sessions().get(pid.bytes()).approved()).as("stored, not approved").isFalse();

            ApprovalService.Approved approved = services.approvals().approve(request, plan, TestWalletSessions.PASSWORD.toCharArray());

            assertThat(approved.permissionId()).isEqualTo(pid);
            assertThat(approved.owner()).isEqualTo(new Address(owner));
            SessionRecord stored = wallet.keystore().sessions().get(pid.bytes());
            assertThat(stored.status()).isEqualTo(SessionStatus.PENDING_ENABLE);
            assertThat(stored.approved()).isTrue();
            assertThat(stored.sessionKeyAddress()).isEqualTo(request.sessionKey().checksummed());
            assertThat(HexBytes.of(stored.sessionDigest())).isEqualTo(plan.hashToSign());
            assertThat(wallet.keystore().sessions().approval(pid.bytes())).hasValueSatisfying(sig -> assertThat(sig).hasSize(20 + 65));
            byte[] s = approved.signature().bytes();
            BigInteger key = Sign.signedMessageHashToKey(plan.hashToSign().bytes(),
                    new Sign.SignatureData(s[64], java.util.Arrays.copyOfRange(s, 0, 32), java.util.Arrays.copyOfRange(s, 32, 64)));
            assertThat(new Address("0x" + Keys.getAddress(key))).isEqualTo(new Address(owner));
            assertThat(wallet.keystore().sessions().budget(pid.bytes())).isNotEmpty();

            // the approved session is offered to automations, which check rules against it at chain time
            assertThat(services.automations().sessions()).singleElement().satisfies(c -> {
                assertThat(c.permissionId()).isEqualTo(pid.bytes());
                assertThat(c.label()).as("the builder names it after the template applied").isEqualTo("Swap USDC → WETH on Uniswap");
            });
            AutomationsViewModel automations = new AutomationsViewModel(services.automations(), TestWalletSessions.synchronous(), ZoneId.of("UTC"));
            automations.activate();
            for (var e : Map.of(RuleForm.Field.SIDE, "buy", RuleForm.Field.BASE, "WETH", RuleForm.Field.QUOTE, "USDC",
                    RuleForm.Field.AMOUNT, "600", RuleForm.Field.PRICE, "2000").entrySet()) {
                automations.field(e.getKey()).set(e.getValue());
            }
            automations.onCreate();
            assertThat(automations.formErrorProperty().get()).as("600 USDC is over the session's 500 per trade").startsWith("Refused:");
            automations.field(RuleForm.Field.AMOUNT).set("250");
            automations.onCreate();
            assertThat(automations.formErrorProperty().get()).isEmpty();
            assertThat(automations.rules()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("active"));
            assertThat(wallet.keystore().automations().all()).singleElement()
                    .satisfies(r -> assertThat(r.permissionId()).isEqualTo(pid.bytes()));
        }
    }
}
