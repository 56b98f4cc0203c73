package dev.latchkey.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.flow.ChainPolicyState;
import dev.latchkey.chain.Abi;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.wallet.TradeResult;
import java.util.concurrent.TimeUnit;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.WalletDevnet;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.notifications.NotificationsViewModel;
import dev.latchkey.ui.notifications.NotificationsViewModel.Kind;
import dev.latchkey.ui.status.ManualTicker;
import dev.latchkey.ui.common.ChangeFeed;
import dev.latchkey.wallet.CreatedSession;
import dev.latchkey.wallet.OwnerSignatures;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.generated.Bytes32;

/** Sessions on the real devnet without the toolkit: cards from the keystore and the policy contracts, revocation. */
@ExtendWith(DevnetExtension.class)
class SessionsViewModelTest {

    @TempDir Path dir;

    private final ManualTicker ticker = new ManualTicker();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final InstantSource clock = () -> now.get();
    private final NotificationsViewModel notes = TestWalletSessions.notifications();
    private final AtomicInteger builds = new AtomicInteger();

    private SessionsViewModel vm(WalletDevnet w) {
        return new SessionsViewModel(w.workspace.sessions(), TestWalletSessions.synchronous(), TestWalletSessions.synchronous(), ticker,
                clock, notes, ChangeFeed.NONE, FxExecutor.direct(), builds::incrementAndGet);
    }

    @Test
    void aCardPerSessionWithStatusCountdownAndLimits(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            SessionsViewModel vm = vm(w);
            vm.activate();
            assertThat(vm.emptyProperty().get()).isTrue();
            assertThat(vm.summaryProperty().get()).isEqualTo("No sessions yet.");
            vm.onBuildSession();
            assertThat(builds).hasValue(1);
            assertThat(ticker.active()).as("the countdown ticks while the screen shows").isEqualTo(1);

            CreatedSession s = w.swapSession(500, 2000);
            long before = w.ws().chain().chainTime();
            vm.onRefresh();
            long after = w.ws().chain().chainTime();
            assertThat(vm.cards()).singleElement().satisfies(c -> {
                assertThat(c.id()).isEqualTo(s.permissionId().hex());
                assertThat(c.title()).isEqualTo("uniswap-swap");
                assertThat(c.status()).isEqualTo(SessionCard.Status.AWAITING_APPROVAL);
                assertThat(c.usesLeft()).isEqualTo("350 of 350 operations left");
                assertThat(c.meters()).extracting(m -> m.title() + " " + m.window() + ": " + m.text())
                        .containsExactly("Gas in total: 0 / 0.14 ETH", "USDC today: 0 / 2,000 USDC", "USDC in total: 0 / 14,000 USDC");
                assertThat(c.actions()).isEqualTo("USDC.approve  ·  SwapRouter02.exactInputSingle");
                assertThat(c.countdownProperty().get()).isIn(countdowns(s.validUntil(), before, after, 0));
            });
            assertThat(vm.summaryProperty().get()).isEqualTo("1 live · 0 expired · 0 revoked");

            // one wall-clock day later the countdown has moved by a day, without reloading
            now.set(now.get().plusSeconds(86_400));
            ticker.tick();
            assertThat(vm.cards().get(0).countdownProperty().get()).isIn(countdowns(s.validUntil(), before, after, 86_400));

            w.approve(s.permissionId());
            vm.onRefresh();
            assertThat(vm.cards().get(0).status()).isEqualTo(SessionCard.Status.READY);
            vm.deactivate();
            assertThat(ticker.active()).isZero();
        }
    }

    @Test
    void revokeAskForConfirmationThenInvalidatesTheApprovalOnChain(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            w.fund();
            CreatedSession s = w.swapSession(500, 2000);
            w.approve(s.permissionId());
            SessionsViewModel vm = vm(w);
            vm.activate();
            SessionCardViewModel card = vm.cards().get(0);
            assertThat(card.revocable()).isTrue();
            card.onRevoke();
            assertThat(card.confirmingProperty().get()).isTrue();
            card.onCancelRevoke();
            assertThat(w.keystore().sessions().get(s.permissionId().bytes()).status()).isEqualTo(SessionStatus.PENDING_ENABLE);

            card.onRevoke();
            card.onConfirmRevoke();
            assertThat(notes.items().get(0).kind()).as(notes.items().get(0).text()).isEqualTo(Kind.SUCCESS);
            assertThat(notes.items().get(0).text())
                    .isEqualTo("1 session revoked: 1 approval invalidated on chain (revokeEnableSignature); 1 key wiped.");
            assertThat(w.keystore().keys().sessionKeys()).extracting(k -> k.publicRef().toLowerCase())
                    .doesNotContain(s.sessionKey().hex());
            assertThat(w.keystore().sessions().get(s.permissionId().bytes()).status()).isEqualTo(SessionStatus.REVOKED);
            assertThat(enableNonce(w, s.permissionId())).as("SmartSession's nonce moved: the stored approval is void")
                    .isEqualTo(BigInteger.ONE);
            assertThat(vm.cards().get(0).status()).isEqualTo(SessionCard.Status.REVOKED);
            assertThat(vm.cards().get(0).revocable()).isFalse();
            assertThat(vm.anyLiveProperty().get()).isFalse();
            assertThat(vm.summaryProperty().get()).isEqualTo("0 live · 0 expired · 1 revoked");
        }
    }

    @Test
    void revokeAllRevokesEveryLiveSessionAfterConfirmation(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            w.fund();
            CreatedSession approved = w.swapSession(500, 2000);
            w.approve(approved.permissionId());
            CreatedSession pending = w.swapSession(100, 300);
            SessionsViewModel vm = vm(w);
            vm.activate();
            assertThat(vm.cards()).hasSize(2);
            long ownerSignatures = ownerSignatures(w);

            vm.onRevokeAll();
            assertThat(vm.confirmingRevokeAllProperty().get()).isTrue();
            vm.onCancelRevokeAll();
            assertThat(vm.confirmingRevokeAllProperty().get()).isFalse();
            assertThat(vm.anyLiveProperty().get()).isTrue();

            vm.onRevokeAll();
            vm.onConfirmRevokeAll();
            assertThat(notes.items().get(0).title()).isEqualTo("All sessions revoked");
            assertThat(notes.items().get(0).text()).isEqualTo("2 sessions revoked: 1 approval invalidated on chain"
                    + " (revokeEnableSignature), 1 never approved: revoked locally; 2 keys wiped.");
            assertThat(vm.cards()).allSatisfy(c -> assertThat(c.status()).isEqualTo(SessionCard.Status.REVOKED));
            assertThat(ownerSignatures(w)).as("one owner operation: only the approved session exists on chain")
                    .isEqualTo(ownerSignatures + 1);
            assertThat(enableNonce(w, approved.permissionId())).isEqualTo(BigInteger.ONE);
            assertThat(enableNonce(w, pending.permissionId())).as("never approved: nothing to invalidate").isZero();
            vm.onRevokeAll();
            assertThat(vm.confirmingRevokeAllProperty().get()).as("nothing live left to revoke").isFalse();
        }
    }

    /** What the countdown may say for a load between chain times {@code from} and {@code to}, {@code elapsed} s later. */
    private static java.util.List<String> countdowns(long validUntil, long from, long to, long elapsed) {
        return java.util.stream.LongStream.rangeClosed(from, to).mapToObj(t -> "Expires in "
                + dev.latchkey.ui.common.Formats.duration(validUntil - t - elapsed)).toList();
    }

    @Test
    void metersFollowTheTradesAndEqualThePolicyCounters(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            w.fund();
            CreatedSession s = w.swapSession(500, 2000);
            w.approve(s.permissionId());
            for (int i = 0; i < 2; i++) {
                TradeResult r = w.workspace.trade().swap(new SwapIntent("USDC", "WETH", WalletDevnet.usdc(100), 50)).get(120, TimeUnit.SECONDS);
                assertThat(r).as(r.toString()).isInstanceOf(TradeResult.Included.class);
            }
            SessionsViewModel vm = vm(w);
            vm.activate();
            SessionCardViewModel card = vm.cards().get(0);
            assertThat(card.status()).isEqualTo(SessionCard.Status.ENABLED);
            assertThat(card.usesLeft()).isEqualTo("348 of 350 operations left");
            assertThat(card.meters()).extracting(m -> m.title() + " " + m.window() + ": " + m.text())
                    .contains("USDC today: 200 / 2,000 USDC", "USDC in total: 200 / 14,000 USDC");
            Address usdc = w.ws().profile().tradeNetwork().token("t", "USDC").address();
            HexBytes cfg = Ids.configId(w.account(), Ids.actionPolicyId(s.permissionId(), Ids.actionId(usdc, Catalog.APPROVE.selector())));
            assertThat(new ChainPolicyState(w.ws().chain().node(), w.ws().profile().smartSession(), w.account())
                    .periodicBudget(w.ws().profile().policy(PolicyKind.PERIODIC_SPENDING_LIMIT), cfg, usdc).used())
                    .isEqualTo(WalletDevnet.usdc(200));
        }
    }

    private static long ownerSignatures(WalletDevnet w) throws Exception {
        return w.keystore().activity().recent(1000).stream().filter(e -> e.kind().equals(OwnerSignatures.KIND)).count();
    }

    private static BigInteger enableNonce(WalletDevnet w, HexBytes pid) throws Exception {
        return Abi.word(w.ws().chain().node().call(w.ws().profile().smartSession().hex(), Abi.call("getNonce(bytes32,address)",
                new Bytes32(pid.bytes()), new org.web3j.abi.datatypes.Address(w.account().hex()))), 0);
    }
}
