package dev.latchkey.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.BudgetEntry;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.json.WalletSessionJson;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.SmartSessionMode;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.trade.template.SessionTemplates;
import dev.latchkey.trade.template.TemplateContext;
import dev.latchkey.trade.template.TemplateSession;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Session creation against the devnet: what is stored, what the owner will sign, and what is refused. */
@ExtendWith(DevnetExtension.class)
class SessionCreationOnDevnetTest {

    @TempDir Path dir;

    static final SessionTemplate SWAP = new SessionTemplate.UniswapSwap("USDC", "WETH", 500, BigInteger.valueOf(500_000_000L),
            BigInteger.valueOf(2_000_000_000L));

    @Test
    void templateSessionIsStoredAwaitingApprovalWithTheDigestOfItsExactBytes(Devnet devnet) throws Exception {
        try (Keystore ks = WalletFixture.keystore(dir); ChainConnection chain = ChainConnection.open(WalletFixture.profile(devnet))) {
            Sessions.Account account = account(ks, chain);
            int keysBefore = ks.keys().sessionKeys().size();
            CreatedSession s = new SessionService(ks, chain, Clock.systemUTC()).create(account, new SessionRequest.FromTemplate(SWAP, 7));

            SessionRecord r = ks.sessions().get(s.permissionId().bytes());
            assertThat(r.status()).isEqualTo(SessionStatus.PENDING_ENABLE);
            assertThat(r.validUntil() - r.validAfter()).isEqualTo(7 * SessionBounds.DAY);
            assertThat(r.validAfter()).isLessThanOrEqualTo(Math.min(chain.chainTime(), System.currentTimeMillis() / 1000) - 60);
            assertThat(ks.keys().sessionKeys()).hasSize(keysBefore + 1);
            assertThat(Address.parse("k", r.sessionKeyAddress())).isEqualTo(s.sessionKey());
            assertThatThrownBy(() -> ks.keys().enableSignature(s.permissionId().bytes()))
                    .as("nothing approved yet").isInstanceOf(KeystoreException.NotFoundException.class);

            // Rebuilt independently from the same inputs: the stored struct and digest are exactly these bytes.
            TemplateSession expected = SessionTemplates.build(SWAP, new SessionBounds(r.validAfter(), 7, 350,
                    SessionBounds.DEFAULT_GAS_WEI_PER_DAY.multiply(BigInteger.valueOf(7))), new TemplateContext(chain.profile().tradeNetwork(),
                    s.account(), s.sessionKey(), HexBytes.of(r.salt()), chain.profile().policies(), chain.profile().ownableValidator()));
            assertThat(HexBytes.of(r.sessionStruct())).isEqualTo(SessionAbi.encode(expected.onchain()));
            assertThat(expected.onchain().sessionValidator()).as("the devnet's validator, not the canonical one")
                    .isEqualTo(chain.profile().ownableValidator());
            EnablePlan plan = EnablePlan.of(expected.onchain(), s.account(), chain.profile().smartSession(), SmartSessionMode.ENABLE,
                    List.of(new EnablePlan.ChainNonce(chain.profile().chainId(), BigInteger.ZERO)));
            assertThat(HexBytes.of(r.sessionDigest())).isEqualTo(plan.hashToSign()).isEqualTo(s.enableDigest());
            assertThat(r.chains()).containsExactly(new SessionRecord.Chain(chain.profile().chainId(),
                    chain.profile().smartSession().checksummed(), 0));

            // Ledger: USDC only (the approve's daily cap × 7 periods), 350 uses; no native value line.
            List<BudgetEntry> budget = ks.sessions().budget(s.permissionId().bytes());
            assertThat(budget).singleElement().satisfies(b -> {
                assertThat(b.token()).isEqualTo(chain.profile().tradeNetwork().token("t", "USDC").address().hex());
                assertThat(b.capTotal()).isEqualTo(BigInteger.valueOf(14_000_000_000L));
                assertThat(b.usesCap()).isEqualTo(350);
            });
            assertThat(s.review()).contains("  recipient == this account", "  amountIn ≤ 500 USDC (at most 14,000 USDC in total)");
        }
    }

    @Test
    void badRequestsLeaveNothingBehind(Devnet devnet) throws Exception {
        try (Keystore ks = WalletFixture.keystore(dir); ChainConnection chain = ChainConnection.open(WalletFixture.profile(devnet))) {
            Sessions.Account account = account(ks, chain);
            SessionService service = new SessionService(ks, chain, Clock.systemUTC());
            assertThatThrownBy(() -> service.create(account, new SessionRequest.FromTemplate(SWAP, 8)))
                    .isInstanceOf(FieldException.class).hasMessage("days: must be 1..7, got 8");
            assertThatThrownBy(() -> service.create(account, new SessionRequest.FromTemplate(new SessionTemplate.UsdcTransfer(
                    chain.profile().swapRouter02().orElseThrow(), BigInteger.TEN, BigInteger.TEN), 1)))
                    .isInstanceOf(FieldException.class).hasMessageContaining("recipient");

            // A file without actions means "any call" with sudo: outside the least-privilege rules.
            String broad = "{\"owners\":{\"type\":\"ecdsa\",\"accounts\":[\"0x" + "ab".repeat(20) + "\"]},\"policies\":[{\"type\":\"time-frame\","
                    + "\"validUntil\":\"2030-01-01T00:00:00Z\"}]}";
            var doc = WalletSessionJson.read(new ObjectMapper().readTree(broad));
            assertThatThrownBy(() -> service.create(account, new SessionRequest.FromDocument(doc, "broad.json", false)))
                    .isInstanceOf(FieldException.class).hasMessageContaining("pass --allow-broad");
            assertThat(ks.keys().sessionKeys()).as("failed creations delete their session key").isEmpty();
            assertThat(ks.sessions().all()).isEmpty();

            CreatedSession accepted = service.create(account, new SessionRequest.FromDocument(doc, "broad.json", true));
            assertThat(accepted.summary()).startsWith("BROAD session");
            assertThat(ks.sessions().budget(accepted.permissionId().bytes())).as("no spending policy: no token may move").isEmpty();
            assertThat(ks.sessions().get(accepted.permissionId().bytes()).validUntil()).isEqualTo(1_893_456_000L);
        }
    }

    static Sessions.Account account(Keystore ks, ChainConnection chain) throws Exception {
        AccountService accounts = new AccountService(ks, chain);
        accounts.create(Optional.empty(), 0, "main");
        return accounts.resolve(Optional.empty());
    }
}
