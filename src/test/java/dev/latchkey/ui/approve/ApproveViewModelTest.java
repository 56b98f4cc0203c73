package dev.latchkey.ui.approve;

import dev.latchkey.ui.builder.ApprovalRequest;
import static dev.latchkey.ui.builder.BuilderFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.hash.SessionDigests;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.ChainDigest;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.PolicyData;
import dev.latchkey.session.model.SmartSessionMode;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.trade.template.SessionTemplates;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.WalletSession;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** Approve on a real keystore: what is shown is decoded from what is hashed; the signature recovers to the owner. */
class ApproveViewModelTest {

    @TempDir Path dir;
    private WalletSession wallet;
    private String owner;
    private final List<ApprovalService.Approved> approved = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        wallet = TestWalletSessions.session(dir, Clock.systemUTC());
        owner = wallet.create(dir.resolve("w"), TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
    }

    @AfterEach
    void tearDown() {
        wallet.close();
    }

    private static ApprovalRequest swapRequest() {
        OnchainSession s = SessionTemplates.build(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(500), usdc(2000)), week(),
                TEMPLATE_CONTEXT).onchain();
        return request(s);
    }

    private static ApprovalRequest request(OnchainSession s) {
        return new ApprovalRequest(s, ACCOUNT, DEVNET.smartSession(), List.of(new EnablePlan.ChainNonce(31337, BigInteger.ZERO)), DEVNET,
                POLICIES, SESSION_KEY);
    }

    private ApproveViewModel vm(ApprovalRequest r) {
        return new ApproveViewModel(r, new KeystoreApprovalService(wallet), TestWalletSessions.synchronous(), ZoneId.of("UTC"),
                approved::add, () -> { });
    }

    @Test
    void showsTheDecodedRulesAndTheDigestOfTheSameStruct() {
        ApprovalRequest r = swapRequest();
        ApproveViewModel vm = vm(r);

        HexBytes expected = SessionDigests.multichainDigest(List.of(new ChainDigest(31337,
                SessionDigests.sessionDigest(r.session(), ACCOUNT, DEVNET.smartSession(), SmartSessionMode.ENABLE, BigInteger.ZERO))));
        assertThat(vm.digestProperty().get()).isEqualTo(expected.hex());
        assertThat(vm.lines()).extracting(l -> l.section() + ": " + l.text()).contains(
                "Account: " + ACCOUNT.checksummed(),
                "Action: SwapRouter02.exactInputSingle",
                "Rule: recipient == this account",
                "Rule: amountIn ≤ 500 USDC (at most 14,000 USDC in total)",
                "Rule: spending at most 2,000 USDC per day",
                "Limit: at most 350 uses",
                "Expiry: 22 Jan 2027 08:00 UTC",
                "Flag: permitGenericPolicy = false (no any-contract, any-function fallback action)",
                "Worst case: at most 2,000 USDC per day (500 per call, 14,000 in total) until 22 Jan 2027 08:00 UTC; ETH value 0; gas at most 0.14 ETH");
        assertThat(vm.lines()).noneMatch(ApprovalReview.Line::danger);
        assertThat(vm.unrestrictedProperty().get()).isFalse();
    }

    @Test
    void aChangedByteInThePolicyDataChangesBothTheDigestAndWhatIsShown() {
        ApprovalRequest r = swapRequest();
        OnchainSession s = r.session();
        PolicyData uni = s.actions().get(1).actionPolicies().get(0);
        byte[] init = uni.initData().bytes();
        init[64 + 4 * 192 + 3 * 32 + 31] ^= 0x01; // rule 4 (amountIn) reference value: 500 USDC + 1 unit
        var actions = new ArrayList<>(s.actions());
        actions.set(1, new dev.latchkey.session.model.ActionData(s.actions().get(1).actionTargetSelector(), s.actions().get(1).actionTarget(),
                List.of(new PolicyData(uni.policy(), HexBytes.of(init)))));
        OnchainSession tampered = new OnchainSession(s.sessionValidator(), s.sessionValidatorInitData(), s.salt(), s.userOpPolicies(),
                s.erc7739Policies(), actions, s.permitErc4337Paymaster());

        ApproveViewModel original = vm(r);
        ApproveViewModel changed = vm(request(tampered));

        assertThat(changed.digestProperty().get()).isNotEqualTo(original.digestProperty().get());
        assertThat(changed.lines()).extracting(ApprovalReview.Line::text).contains("amountIn ≤ 500.000001 USDC (at most 14,000 USDC in total)");
    }

    @Test
    void wrongPasswordThenRightOneSignsAsTheOwnerAndStoresTheSignature() throws Exception {
        ApprovalRequest r = swapRequest();
        ApproveViewModel vm = vm(r);
        assertThat(vm.canApproveProperty().get()).isFalse();

        vm.passwordProperty().set("not my password");
        vm.onApprove();
        assertThat(vm.errorProperty().get()).startsWith("Wrong password");
        assertThat(approved).isEmpty();

        vm.passwordProperty().set(TestWalletSessions.PASSWORD);
        vm.onApprove();

        assertThat(approved).singleElement().satisfies(a -> {
            byte[] sig = a.signature().bytes();
            Sign.SignatureData data = new Sign.SignatureData(sig[64], Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
            BigInteger publicKey = Sign.signedMessageHashToKey(vm.review().plan().hashToSign().bytes(), data);
            assertThat(new Address("0x" + Keys.getAddress(publicKey))).isEqualTo(new Address(owner));
            assertThat(a.owner()).isEqualTo(new Address(owner));
            assertThat(wallet.keystore().keys().enableSignature(a.permissionId().bytes())).isEqualTo(sig);
        });
        assertThat(vm.approvedProperty().get()).isTrue();
        assertThat(vm.resultProperty().get()).startsWith("Approved. The session is ready");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.canApproveProperty().get()).isFalse();
    }

    @Test
    void everyGrantOfTheSignedStructIsListedWordedAndFlagged() throws Exception {
        var doc = dev.latchkey.session.json.WalletSessionJson.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(BROAD_FILE));
        OnchainSession s = dev.latchkey.session.wallet.SessionMapper.toOnchain(doc.session(), POLICIES);
        assertThat(s.permitErc4337Paymaster()).as("the file default").isTrue();
        ApproveViewModel vm = vm(request(s));

        assertThat(vm.lines()).filteredOn(l -> l.section().equals("Signing")).singleElement().satisfies(l -> {
            assertThat(l.text()).contains("MAY SIGN MESSAGES", "PermitSingle for app domain 0x" + "8a".repeat(32), "SUDO: no policy checks what it signs");
            assertThat(l.danger()).isTrue();
        });
        assertThat(vm.lines()).filteredOn(l -> l.section().equals("Paymaster")).singleElement().satisfies(l -> {
            assertThat(l.text()).startsWith("ALLOWED");
            assertThat(l.danger()).isTrue();
        });
        assertThat(vm.lines()).filteredOn(l -> l.section().equals("Action")).extracting(l -> l.text() + " " + l.danger()).containsExactly(
                "USDC.transfer false", "ANY contract, ANY function (fallback action: every call no other action matches) true");
        assertThat(vm.lines()).extracting(l -> l.section() + ": " + l.text()).contains(
                "Rule: amount ≤ 1 USDC",
                "Flag: permitGenericPolicy = true (an any-contract, any-function fallback action is present)",
                "Flag: permitERC4337Paymaster = true (a paymaster may pay the session's operations)");
        assertThat(vm.lines().get(0).text()).as("the worst case covers the signed messages and the paymaster")
                .contains("ANY token, ANY amount", "ANY amount through signed PermitSingle messages", "a paymaster may pay");
        assertThat(vm.review().unrestricted()).contains("may call ANY contract with any arguments",
                "may sign PermitSingle messages, which no action rule limits and no policy checks");
        assertThat(vm.unrestrictedProperty().get()).isTrue();
    }

    @Test
    void adminAccessIsNamedAndFlagged() throws Exception {
        String admin = BROAD_FILE.replace("\"selector\":\"0x00000001\"", "\"selector\":\"0x00000002\"");
        var doc = dev.latchkey.session.json.WalletSessionJson.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(admin));
        ApproveViewModel vm = vm(request(dev.latchkey.session.wallet.SessionMapper.toOnchain(doc.session(), POLICIES)));
        assertThat(vm.lines()).filteredOn(l -> l.section().equals("Action") && l.danger()).extracting(ApprovalReview.Line::text)
                .containsExactly("SmartSession itself (admin access: may enable, change and remove sessions of this account)");
        assertThat(vm.lines()).extracting(ApprovalReview.Line::text).contains(
                "permitAdminAccess = true (an action may call SmartSession itself and change sessions)");
        assertThat(vm.review().unrestricted()).contains("may administer SmartSession itself");
    }
}
